package dev.flowform.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowform.catalog.AuthSpec;
import dev.flowform.catalog.ConnectorSpec;
import dev.flowform.catalog.ParamTypes;
import dev.flowform.manifest.doc.Bound;
import dev.flowform.manifest.doc.GenericConnectionManifest;
import dev.flowform.manifest.validate.Connectors;
import dev.flowform.model.ConnectionSpecRef;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns a resolved, clean Connection document into a {@link DesiredConnection}: the params its auth
 * spec marks secret become {@link Secret}s (fingerprinted, never shown), the rest plain.
 */
final class GenericConnections {
  private static final String DEFAULT_VERSION = "1.0";

  private GenericConnections() {}

  static DesiredConnection of(
      Bound<GenericConnectionManifest> bound, ConnectorSpec connector, AuthSpec auth) {
    GenericConnectionManifest.Spec spec = bound.manifest().spec();
    Set<String> secretNames = auth.secrets();
    SortedMap<String, String> plain = new TreeMap<>();
    SortedMap<String, Secret> secrets = new TreeMap<>();
    spec.auth()
        .params()
        .forEach(
            (param, node) -> {
              String value = text(node);
              if (value == null) {
                return;
              }
              if (secretNames.contains(param)) {
                secrets.put(param, SecretValues.of(bound, Connectors.pointer(param), value));
              } else {
                plain.put(param, value);
              }
            });
    Set<String> secretPointers = new java.util.HashSet<>();
    secretNames.forEach(p -> secretPointers.add(Connectors.pointer(p)));
    return new DesiredConnection(
        bound.manifest().metadata().name(),
        bound.document().position(),
        spec.name(),
        spec.description(),
        new ConnectionSpecRef(connector.id(), version(spec, connector)),
        auth.name(),
        plain,
        secrets,
        bound.unresolvedInSpec(secretPointers),
        bound.manifest().metadata().movedFrom(),
        DesiredConnection.GENERIC_KIND,
        ParamTypes.of(auth.schema(), spec.auth().params().keySet()));
  }

  private static String version(GenericConnectionManifest.Spec spec, ConnectorSpec connector) {
    if (spec.connectionSpec() != null && spec.connectionSpec().version() != null) {
      return spec.connectionSpec().version();
    }
    return connector.version() == null ? DEFAULT_VERSION : connector.version();
  }

  /**
   * A param's value as state keeps it: a scalar's text, a mapping or list as its JSON (sent as the
   * structure the schema types it); null for a null.
   */
  private static String text(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    return node.isContainerNode() ? node.toString() : node.asText();
  }
}
