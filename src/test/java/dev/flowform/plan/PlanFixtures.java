package dev.flowform.plan;

import dev.flowform.diag.SourcePosition;
import dev.flowform.manifest.DesiredConnection;
import dev.flowform.manifest.DesiredState;
import dev.flowform.manifest.EnvironmentConfig;
import dev.flowform.manifest.Secret;
import dev.flowform.model.ConnectionSpecRef;
import dev.flowform.model.Endpoint;
import dev.flowform.model.RemoteConnection;
import dev.flowform.state.ResourceState;
import dev.flowform.state.ResourceStatus;
import dev.flowform.state.State;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** Small factories for planner and renderer tests: desired connections, records, states. */
public final class PlanFixtures {
  public static final String SALT = "00112233445566778899aabbccddeeff";
  public static final String LINEAGE = "5b0c1d2e-0000-4000-8000-00000000c0de";
  public static final String DIGEST = "sha256:feedc0de";
  public static final Instant AT = Instant.parse("2026-11-28T10:00:00Z");

  private PlanFixtures() {}

  public static EnvironmentConfig environment() {
    return new EnvironmentConfig(
        "dev",
        SourcePosition.ofFile("manifests/environments/dev.yaml"),
        "dev",
        "ORG1@AdobeOrg",
        Endpoint.of(Endpoint.DEFAULT_URL),
        Path.of(".flowform", "dev.state.json"),
        Optional.empty(),
        Map.of("region", "eu"));
  }

  /** A connection with distinctive secret values, which must never appear in any output. */
  public static ConnectionBuilder connection(String address) {
    return new ConnectionBuilder(address);
  }

  /** The secret value the builder gives {@code param} of {@code address} unless told otherwise. */
  public static String secretValue(String address, String param) {
    return "TOPSECRET-" + address + "-" + param + "-q7Zx";
  }

  public static DesiredState desired(DesiredConnection... connections) {
    return DesiredState.of(environment(), Arrays.asList(connections), DIGEST);
  }

  /** The connections in an environment that declares {@code spec.imports} of address to id. */
  public static DesiredState importing(
      Map<String, String> imports, DesiredConnection... connections) {
    EnvironmentConfig e = environment();
    List<dev.flowform.manifest.DeclaredImport> declared = new java.util.ArrayList<>();
    imports.forEach(
        (address, id) ->
            declared.add(
                new dev.flowform.manifest.DeclaredImport(
                    address, id, new SourcePosition("manifests/environments/dev.yaml", 9, 5))));
    EnvironmentConfig withImports =
        new EnvironmentConfig(
            e.name(),
            e.position(),
            e.sandbox(),
            e.orgId(),
            e.endpoint(),
            e.statePath(),
            e.credentials(),
            e.variables(),
            declared);
    return DesiredState.of(withImports, Arrays.asList(connections), DIGEST);
  }

  /** What state would hold after creating {@code c} as {@code id}. */
  public static ResourceState recorded(DesiredConnection c, String id) {
    return new ResourceState(
        DesiredConnection.KIND,
        ResourceStatus.CREATED,
        id,
        etagOf(id, 1),
        c.name(),
        c.description(),
        c.connectionSpec(),
        c.authSpecName(),
        c.params(),
        Fingerprints.ofAll(SALT, c.secrets()),
        AT,
        AT);
  }

  /** A create recorded before its POST, never confirmed. */
  public static ResourceState pending(DesiredConnection c) {
    ResourceState done = recorded(c, "unused");
    return new ResourceState(
        done.kind(),
        ResourceStatus.PENDING,
        null,
        null,
        done.name(),
        done.description(),
        done.connectionSpec(),
        done.authSpecName(),
        done.params(),
        done.secretFingerprints(),
        AT,
        AT);
  }

  public static String etagOf(String id, int version) {
    return "\"etag-" + id + "-" + version + "\"";
  }

  public static Optional<State> state(Map<String, ResourceState> resources) {
    return Optional.of(
        new State(
            State.FORMAT_VERSION,
            LINEAGE,
            7,
            "dev",
            "dev",
            "ORG1@AdobeOrg",
            Endpoint.DEFAULT_URL,
            SALT,
            new TreeMap<>(resources)));
  }

  public static RemoteConnection remote(String id, String name, String description) {
    return new RemoteConnection(
        id,
        etagOf(id, 2),
        name,
        description,
        ConnectionSpecRef.HUBSPOT,
        "enabled",
        DesiredConnection.DEFAULT_AUTH_SPEC,
        Map.of("clientId", "client-id"));
  }

  /** A refresh that found the recorded connection of {@code address} as {@code connection}. */
  public static RemoteView found(String address, RemoteConnection connection) {
    return new RemoteView(Map.of(address, connection), java.util.Set.of(), Map.of());
  }

  public static RemoteView namesFound(String name, RemoteConnection... found) {
    return new RemoteView(Map.of(), java.util.Set.of(), Map.of(name, List.of(found)));
  }

  /** Builds a {@link DesiredConnection}; every param is set unless changed. */
  public static final class ConnectionBuilder {
    private final String address;
    private String name;
    private String description = "Marketing CRM contacts";
    private ConnectionSpecRef spec = ConnectionSpecRef.HUBSPOT;
    private String clientId = "client-id";
    private final SortedMap<String, Secret> secrets = new TreeMap<>();
    private List<String> movedFrom = List.of();

    ConnectionBuilder(String address) {
      this.address = address;
      this.name = "HubSpot " + address;
      for (String param : List.of("accessToken", "clientSecret", "refreshToken")) {
        secret(param, secretValue(address, param));
      }
    }

    public ConnectionBuilder name(String value) {
      name = value;
      return this;
    }

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
      secrets.put(param, Secret.resolved("${env:" + envName(param) + "}", value));
      return this;
    }

    public ConnectionBuilder movedFrom(String... addresses) {
      movedFrom = List.of(addresses);
      return this;
    }

    public ConnectionBuilder unresolved(String param) {
      secrets.put(param, Secret.unresolved("${env:" + envName(param) + "}"));
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
          movedFrom);
    }

    private static String envName(String param) {
      return "HUBSPOT_" + param.replaceAll("([A-Z])", "_$1").toUpperCase(java.util.Locale.ROOT);
    }
  }
}
