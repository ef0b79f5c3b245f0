package dev.flowform.kinds.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowform.flowservice.Collection;
import dev.flowform.flowservice.PlatformResources;
import dev.flowform.kinds.CollectionCalls;
import dev.flowform.kinds.Dependency;
import dev.flowform.manifest.DesiredResource;
import dev.flowform.manifest.doc.SourceMap;
import dev.flowform.model.RemoteResource;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** {@code /sourceConnections}: the body carries the base connection's connection spec. */
final class SourceConnectionCalls extends CollectionCalls {

  SourceConnectionCalls(PlatformResources platform) {
    super(
        platform,
        Collection.SOURCE_CONNECTIONS,
        SourceConnectionKind.ATTRIBUTES,
        List.of(SourceConnectionKind.BASE_CONNECTION));
  }

  @Override
  protected ObjectNode body(DesiredResource desired, Map<String, Dependency> dependencies) {
    ObjectNode body = super.body(desired, dependencies);
    Dependency base = dependencies.get(desired.references().get(0).address());
    ObjectNode spec = body.putObject("connectionSpec");
    spec.put("id", base.output("connectionSpec.id"));
    spec.put("version", base.output("connectionSpec.version"));
    return body;
  }

  /** Every text param the platform shows, whatever its connector: drift in any of them shows. */
  @Override
  protected RemoteResource remote(JsonNode node) {
    RemoteResource read = super.remote(node);
    SortedMap<String, String> attributes = new TreeMap<>(read.attributes());
    node.path("params")
        .properties()
        .forEach(
            e -> {
              if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                attributes.put(
                    SourceConnectionKind.PARAMS + SourceMap.segment(e.getKey()),
                    e.getValue().asText());
              }
            });
    return new RemoteResource(
        read.id(), read.etag(), read.name(), attributes, read.references(), read.outputs());
  }
}
