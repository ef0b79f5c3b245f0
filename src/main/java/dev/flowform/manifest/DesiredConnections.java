package dev.flowform.manifest;

import dev.flowform.manifest.doc.Bound;
import dev.flowform.manifest.doc.ConnectionManifest;
import dev.flowform.model.ConnectionSpecRef;
import dev.flowform.model.HubSpotSpec;
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
    SortedMap<String, Secret> secrets = new TreeMap<>();
    for (String param : HubSpotSpec.SENSITIVE_PARAMS) {
      secrets.put(
          param,
          SecretValues.of(bound, HubSpotSpec.PARAMS_POINTER + param, written(params, param)));
    }
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
        secrets,
        bound.unresolvedInSpec(HubSpotSpec.sensitivePointers()));
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

  private static String written(ConnectionManifest.Params params, String param) {
    return switch (param) {
      case "clientSecret" -> params.clientSecret();
      case "accessToken" -> params.accessToken();
      case "refreshToken" -> params.refreshToken();
      default -> throw new IllegalArgumentException("not a HubSpot param: " + param);
    };
  }
}
