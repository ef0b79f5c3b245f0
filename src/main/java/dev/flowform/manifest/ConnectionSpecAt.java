package dev.flowform.manifest;

import dev.flowform.catalog.ConnectorSpec;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The connection spec id of what is at an address: a base connection's connector, or what a
 * pipeline resource's kind says of it (a source connection has its base connection's).
 */
final class ConnectionSpecAt implements Function<String, Optional<String>> {
  private final Map<String, ConnectorSpec> connectors;
  private final Map<String, DesiredResource> resources;
  private final Map<String, ManifestKind<?>> kinds;
  private final Set<String> visiting = new HashSet<>();

  /**
   * @param connectors the connector of each connection, by address, where the catalog knows it
   * @param resources the pipeline resources, by address
   * @param kinds the pipeline kinds, by kind
   */
  ConnectionSpecAt(
      Map<String, ConnectorSpec> connectors,
      Map<String, DesiredResource> resources,
      Map<String, ManifestKind<?>> kinds) {
    this.connectors = connectors;
    this.resources = resources;
    this.kinds = kinds;
  }

  @Override
  public Optional<String> apply(String address) {
    ConnectorSpec connector = connectors.get(address);
    if (connector != null) {
      return Optional.of(connector.id());
    }
    DesiredResource resource = resources.get(address);
    if (resource == null || !kinds.containsKey(resource.kind()) || !visiting.add(address)) {
      return Optional.empty(); // unknown, or a cycle (reported by the graph rules)
    }
    try {
      return kinds.get(resource.kind()).connectionSpec(resource, this);
    } finally {
      visiting.remove(address);
    }
  }
}
