package dev.flowform.plan;

import dev.flowform.diag.FlowformException;
import dev.flowform.state.State;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Refuses a saved plan that no longer describes the world: {@code apply FILE} executes a plan only
 * while the state, the manifests and the secrets are those it was made from.
 */
public final class StalePlanCheck {

  private StalePlanCheck() {}

  public static void check(SavedPlan saved, Optional<State> current, Plan fresh) {
    check(saved.toPlan(), current, fresh);
  }

  /**
   * @param saved the plan read from the file
   * @param current the state as it is now
   * @param fresh a plan made now from the same manifests and the current state
   * @throws FlowformException "stale plan: ..." when the environment or the sandbox, org or
   *     endpoint it targets, the state's lineage or serial, the manifests or a secret moved since
   *     the plan was made (with no state yet, only these say where a plan may be applied)
   */
  public static void check(Plan saved, Optional<State> current, Plan fresh) {
    if (!saved.environment().equals(fresh.environment())
        || !saved.sandbox().equals(fresh.sandbox())) {
      throw stale(
          fresh.environment(),
          "it was made for environment "
              + saved.environment()
              + " (sandbox "
              + saved.sandbox()
              + "), not "
              + fresh.environment()
              + " (sandbox "
              + fresh.sandbox()
              + ")");
    }
    if (!Objects.equals(saved.orgId(), fresh.orgId())
        || !Objects.equals(saved.endpoint(), fresh.endpoint())) {
      throw stale(
          fresh.environment(),
          "it was made for org "
              + orNone(saved.orgId())
              + " at "
              + orNone(saved.endpoint())
              + ", but environment "
              + fresh.environment()
              + " now targets org "
              + orNone(fresh.orgId())
              + " at "
              + orNone(fresh.endpoint()));
    }
    String lineage = current.map(State::lineage).orElse(null);
    if (!Objects.equals(saved.lineage(), lineage)) {
      throw stale(
          fresh.environment(),
          "the state's lineage is "
              + (lineage == null ? "gone (no state)" : lineage)
              + ", the plan was made for "
              + (saved.lineage() == null ? "no state" : saved.lineage()));
    }
    long serial = current.map(State::serial).orElse(0L);
    if (saved.serial() != serial) {
      throw stale(
          fresh.environment(),
          "the state moved from serial "
              + saved.serial()
              + " to "
              + serial
              + " since the plan was made");
    }
    if (!Objects.equals(saved.manifestDigest(), fresh.manifestDigest())) {
      throw stale(fresh.environment(), "the manifests changed since the plan was made");
    }
    fresh.requireAllSecrets("cannot check the saved plan's secrets");
    checkSecrets(fresh.environment(), saved.secretFingerprints(), fresh.secretFingerprints());
  }

  private static void checkSecrets(
      String environment,
      SortedMap<String, SortedMap<String, String>> saved,
      SortedMap<String, SortedMap<String, String>> fresh) {
    TreeSet<String> addresses = new TreeSet<>(saved.keySet());
    addresses.addAll(fresh.keySet());
    for (String address : addresses) {
      SortedMap<String, String> was = saved.getOrDefault(address, new java.util.TreeMap<>());
      SortedMap<String, String> now = fresh.getOrDefault(address, new java.util.TreeMap<>());
      TreeSet<String> params = new TreeSet<>(was.keySet());
      params.addAll(now.keySet());
      for (String param : params) {
        if (!Objects.equals(was.get(param), now.get(param))) {
          throw stale(
              environment,
              "the secret "
                  + param
                  + " of connection \""
                  + address
                  + "\" no longer matches the one the plan was made with");
        }
      }
    }
  }

  private static String orNone(String value) {
    return value == null ? "(unknown)" : value;
  }

  private static FlowformException stale(String environment, String why) {
    return new FlowformException(
        "stale plan: " + why,
        "make a new plan with flowform plan --env " + environment + " --out FILE and review it");
  }
}
