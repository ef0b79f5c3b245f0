package dev.flowform.manifest;

import dev.flowform.manifest.doc.Bound;
import dev.flowform.manifest.doc.ConnectionManifest;
import dev.flowform.model.ConnectionSpecRef;
import java.util.SortedMap;
import java.util.TreeMap;

/** Turns a resolved HubSpotConnection document into a {@link DesiredConnection}. */
final class DesiredConnections {
  private DesiredConnections() {}

  static DesiredConnection of(Bound<ConnectionManifest> bound) {
    ConnectionManifest.Spec spec = bound.manifest().spec();
    ConnectionManifest.Params params = spec.auth().params();
    SortedMap<String, String> plain = new TreeMap<>();
    plain.put("clientId", params.clientId());
    String at = "/spec/auth/params/";
    SortedMap<String, Secret> secrets = new TreeMap<>();
    secrets.put("clientSecret", SecretValues.of(bound, at + "clientSecret", params.clientSecret()));
    secrets.put("accessToken", SecretValues.of(bound, at + "accessToken", params.accessToken()));
    secrets.put("refreshToken", SecretValues.of(bound, at + "refreshToken", params.refreshToken()));
    return new DesiredConnection(
        bound.manifest().metadata().name(),
        bound.document().position(),
        spec.name(),
        spec.description(),
        connectionSpec(spec.connectionSpec()),
        spec.auth().specName() == null
            ? DesiredConnection.DEFAULT_AUTH_SPEC
            : spec.auth().specName(),
        plain,
        secrets);
  }

  private static ConnectionSpecRef connectionSpec(ConnectionManifest.ConnectionSpec spec) {
    if (spec == null) {
      return ConnectionSpecRef.HUBSPOT;
    }
    return new ConnectionSpecRef(
        spec.id() == null
            ? ConnectionSpecRef.HUBSPOT_ID
            : spec.id().toLowerCase(java.util.Locale.ROOT),
        spec.version() == null ? ConnectionSpecRef.HUBSPOT.version() : spec.version());
  }
}
