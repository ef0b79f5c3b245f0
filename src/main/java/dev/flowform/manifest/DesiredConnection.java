package dev.flowform.manifest;

import dev.flowform.diag.SourcePosition;
import dev.flowform.model.ConnectionSpecRef;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A HubSpot base connection as the manifests declare it for one environment, after interpolation.
 *
 * @param address {@code metadata.name}, the key in state
 * @param position where the document starts
 * @param name the AEP connection name ({@code spec.name})
 * @param description may be null
 * @param params the non-sensitive auth params (clientId)
 * @param secrets the sensitive auth params (clientSecret, accessToken, refreshToken)
 * @param unresolved the other attributes whose value did not resolve (an {@link Resolution#OFFLINE}
 *     load only; their raw text is kept), as paths into the connection: {@code /name}, {@code
 *     /auth/params/clientId}
 */
public record DesiredConnection(
    String address,
    SourcePosition position,
    String name,
    String description,
    ConnectionSpecRef connectionSpec,
    String authSpecName,
    SortedMap<String, String> params,
    SortedMap<String, Secret> secrets,
    Set<String> unresolved) {

  public static final String KIND = "HubSpotConnection";
  public static final String DEFAULT_AUTH_SPEC = "Basic Authentication";

  public DesiredConnection {
    params = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(params));
    secrets = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(secrets));
    unresolved = Set.copyOf(unresolved);
  }

  /** True when every sensitive param resolved, so the connection can be sent. */
  public boolean secretsResolved() {
    return secrets.values().stream().allMatch(Secret::isResolved);
  }

  /** All auth params with their values, for the request body only. */
  public Map<String, String> revealedParams() {
    SortedMap<String, String> all = new TreeMap<>(params);
    secrets.forEach((key, secret) -> all.put(key, secret.reveal()));
    return all;
  }
}
