package dev.flowform.kinds.dataflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowform.kinds.Dependency;
import dev.flowform.kinds.FlatJson;
import dev.flowform.manifest.DesiredResource;
import dev.flowform.manifest.ResourceReference;
import java.util.Map;
import java.util.Optional;

/** The parts of a flow's request bodies: its transformations, schedule and references. */
final class DataflowBodies {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private DataflowBodies() {}

  static String versionOf(JsonNode spec) {
    String version = FlatJson.text(spec, "version");
    return version == null ? "1.0" : version;
  }

  static String idOf(DesiredResource desired, String field, Map<String, Dependency> dependencies) {
    return reference(desired, field).map(r -> dependencies.get(r.address()).id()).orElse(null);
  }

  static Optional<ResourceReference> reference(DesiredResource desired, String field) {
    return desired.references().stream().filter(r -> r.field().equals(field)).findFirst();
  }

  static ArrayNode transformations(DesiredResource desired, Map<String, Dependency> dependencies) {
    ArrayNode out = NODES.arrayNode();
    ObjectNode copy = out.addObject();
    copy.put("name", "Copy");
    ObjectNode params = copy.putObject("params");
    if (desired.attributes().containsKey(DataflowKind.DELTA + "/name")) {
      ObjectNode delta = params.putObject("deltaColumn");
      desired
          .attributes()
          .forEach(
              (pointer, value) -> {
                if (pointer.startsWith(DataflowKind.DELTA + "/")) {
                  delta.put(pointer.substring(DataflowKind.DELTA.length() + 1), value);
                }
              });
    }
    reference(desired, DataflowKind.MAPPING)
        .ifPresent(
            r -> {
              Dependency mapping = dependencies.get(r.address());
              ObjectNode transformation = out.addObject();
              transformation.put("name", "Mapping");
              ObjectNode mappingParams = transformation.putObject("params");
              mappingParams.put("mappingId", mapping.id());
              mappingParams.put("mappingVersion", mappingVersion(mapping));
            });
    return out;
  }

  static String mappingVersion(Dependency mapping) {
    String version = mapping.output("version");
    return version == null ? "0" : version;
  }

  static ObjectNode schedule(DesiredResource desired) {
    ObjectNode schedule = NODES.objectNode();
    String prefix = DataflowKind.SCHEDULE + "/";
    desired
        .attributes()
        .forEach(
            (pointer, value) -> {
              if (pointer.startsWith(prefix)) {
                schedule.set(pointer.substring(prefix.length()), typed(pointer, value));
              }
            });
    return schedule;
  }

  /** Numbers and booleans as the flow spec types them. */
  static JsonNode typed(String pointer, String value) {
    if (pointer.endsWith("/startTime") || pointer.endsWith("/interval")) {
      return NODES.numberNode(Long.parseLong(value));
    }
    if (pointer.endsWith("/backfill")) {
      return NODES.booleanNode(Boolean.parseBoolean(value));
    }
    return NODES.textNode(value);
  }
}
