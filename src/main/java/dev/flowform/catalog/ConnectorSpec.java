package dev.flowform.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A connector's connection spec, trimmed to what validation needs.
 *
 * @param name the spec's name, the slug a manifest's {@code connector} gives ({@code salesforce})
 * @param label what people call it ({@code attributes.connectorName}); may be null
 * @param sourceSpec the JSON Schema of a source connection's {@code params}; null when the spec has
 *     none
 */
public record ConnectorSpec(
    String id,
    String name,
    String version,
    String label,
    List<AuthSpec> authSpecs,
    ObjectNode sourceSpec) {

  public ConnectorSpec {
    id = id.toLowerCase(Locale.ROOT);
    authSpecs = List.copyOf(authSpecs);
    sourceSpec = sourceSpec == null ? null : sourceSpec.deepCopy();
  }

  /** The auth spec of that name (case as written), or the only one when the name is null. */
  public Optional<AuthSpec> authSpec(String specName) {
    if (specName == null) {
      return authSpecs.size() == 1 ? Optional.of(authSpecs.get(0)) : Optional.empty();
    }
    return authSpecs.stream().filter(a -> a.name().equals(specName)).findFirst();
  }

  /** The auth specs' names, in order. */
  public List<String> authSpecNames() {
    return authSpecs.stream().map(AuthSpec::name).toList();
  }
}
