package dev.flowform.testing;

import dev.flowform.diag.SourcePosition;
import dev.flowform.manifest.DesiredConnection;
import dev.flowform.manifest.Secret;
import dev.flowform.model.ConnectionSpecRef;
import dev.flowform.model.HubSpotSpec;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Builds a {@link DesiredConnection} ({@link Fixtures#connection}); every param is set, every
 * secret resolved to {@link Fixtures#secretValue}, unless changed.
 */
public final class ConnectionBuilder {
  private final String address;
  private String name;
  private String description = "Marketing CRM contacts";
  private ConnectionSpecRef spec = ConnectionSpecRef.HUBSPOT;
  private String clientId = "client-id";
  private final SortedMap<String, Secret> secrets = new TreeMap<>();
  private final Set<String> unresolved = new java.util.HashSet<>();

  ConnectionBuilder(String address) {
    this.address = address;
    this.name = "HubSpot " + address;
    rotated(Fixtures.SECRET_VERSION);
  }

  public ConnectionBuilder name(String value) {
    name = value;
    return this;
  }

  /** Null for none. */
  public ConnectionBuilder description(String value) {
    description = value;
    return this;
  }

  public ConnectionBuilder spec(ConnectionSpecRef value) {
    spec = value;
    return this;
  }

  public ConnectionBuilder clientId(String value) {
    clientId = value;
    return this;
  }

  public ConnectionBuilder secret(String param, String value) {
    secrets.put(param, Secret.resolved(reference(param), value));
    return this;
  }

  /** Every secret given another value, as a rotation would: {@code version} marks them. */
  public ConnectionBuilder rotated(String version) {
    for (String param : HubSpotSpec.SENSITIVE_PARAMS) {
      secret(param, Fixtures.secretValue(address, param, version));
    }
    return this;
  }

  /** The secret's reference did not resolve (an offline plan). */
  public ConnectionBuilder unresolved(String param) {
    secrets.put(param, Secret.unresolved(reference(param)));
    return this;
  }

  /** A plain attribute ({@code /name}) whose value did not resolve (an offline load). */
  public ConnectionBuilder unresolvedAttribute(String path) {
    unresolved.add(path);
    return this;
  }

  /** Only these secrets, the others left out. */
  public ConnectionBuilder onlySecrets(Map<String, Secret> value) {
    secrets.clear();
    secrets.putAll(value);
    return this;
  }

  public DesiredConnection build() {
    return new DesiredConnection(
        address,
        new SourcePosition("manifests/connections/" + address + ".yaml", 1, 1),
        name,
        description,
        spec,
        DesiredConnection.DEFAULT_AUTH_SPEC,
        new TreeMap<>(Map.of("clientId", clientId)),
        secrets,
        unresolved);
  }

  /** {@code ${env:HUBSPOT_CLIENT_SECRET}} for {@code clientSecret}. */
  private static String reference(String param) {
    return "${env:HUBSPOT_"
        + param.replaceAll("([A-Z])", "_$1").toUpperCase(java.util.Locale.ROOT)
        + "}";
  }
}
