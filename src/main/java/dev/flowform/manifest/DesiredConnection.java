package dev.flowform.manifest;

import dev.flowform.catalog.ParamTypes;
import dev.flowform.diag.SourcePosition;
import dev.flowform.model.ConnectionSpecRef;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A base connection as the manifests declare it for one environment, after interpolation: a
 * HubSpotConnection, or a Connection of any connector whose spec said which params are secrets.
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
 * @param movedFrom the addresses it had before ({@code metadata.movedFrom}), in the order written
 * @param kind the document's kind, which state records: {@link #KIND} or {@link #GENERIC_KIND}
 * @param paramTypes the params (plain or secret) the connector's schema types other than text, by
 *     name: {@code port -> integer}; kept as text here and in state, sent as that type
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
    Set<String> unresolved,
    List<String> movedFrom,
    String kind,
    SortedMap<String, String> paramTypes) {

  public static final String KIND = "HubSpotConnection";
  public static final String GENERIC_KIND = "Connection";
  public static final String DEFAULT_AUTH_SPEC = "Basic Authentication";

  public DesiredConnection {
    params = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(params));
    secrets = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(secrets));
    unresolved = Set.copyOf(unresolved);
    movedFrom = movedFrom == null ? List.of() : List.copyOf(movedFrom);
    kind = kind == null ? KIND : kind;
    paramTypes =
        java.util.Collections.unmodifiableSortedMap(
            new TreeMap<>(paramTypes == null ? Map.of() : paramTypes));
  }

  /** A HubSpotConnection (its params are all text). */
  public DesiredConnection(
      String address,
      SourcePosition position,
      String name,
      String description,
      ConnectionSpecRef connectionSpec,
      String authSpecName,
      SortedMap<String, String> params,
      SortedMap<String, Secret> secrets,
      Set<String> unresolved,
      List<String> movedFrom) {
    this(
        address,
        position,
        name,
        description,
        connectionSpec,
        authSpecName,
        params,
        secrets,
        unresolved,
        movedFrom,
        KIND,
        null);
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

  /**
   * All auth params as the platform takes them, for the request body only: text, and where the
   * connector's schema types a param, that type ({@link ParamTypes#sent}).
   */
  public Map<String, Object> sentParams() {
    SortedMap<String, Object> all = new TreeMap<>();
    revealedParams()
        .forEach(
            (key, text) ->
                all.put(
                    key,
                    paramTypes.containsKey(key)
                        ? ParamTypes.sent(text, paramTypes.get(key))
                        : text));
    return all;
  }
}
