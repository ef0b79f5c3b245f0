package dev.flowform.plan;

import dev.flowform.manifest.DesiredConnection;
import dev.flowform.manifest.DesiredState;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The secrets side of a plan: fingerprints of those that resolved, references of those that did
 * not.
 */
final class PlanSecrets {
  private PlanSecrets() {}

  /** By address, then by param: the salted fingerprint of every resolved secret. */
  static SortedMap<String, SortedMap<String, String>> fingerprints(
      DesiredState desired, String salt) {
    SortedMap<String, SortedMap<String, String>> out = new TreeMap<>();
    for (DesiredConnection connection : desired.connections().values()) {
      SortedMap<String, String> prints = Fingerprints.ofAll(salt, connection.secrets());
      if (!prints.isEmpty()) {
        out.put(connection.address(), prints);
      }
    }
    return out;
  }

  /**
   * Every secret that did not resolve, as {@code <address>/auth/params/<param> (<reference>)}, e.g.
   * {@code marketing-hubspot/auth/params/clientSecret (${env:HUBSPOT_CLIENT_SECRET})}. The
   * reference is the source text, never a value.
   */
  static List<String> unresolved(DesiredState desired) {
    List<String> out = new ArrayList<>();
    for (DesiredConnection connection : desired.connections().values()) {
      connection
          .secrets()
          .forEach(
              (param, secret) -> {
                if (!secret.isResolved()) {
                  out.add(
                      connection.address()
                          + ConnectionDiff.PARAMS
                          + param
                          + " ("
                          + secret.reference()
                          + ")");
                }
              });
    }
    return out;
  }
}
