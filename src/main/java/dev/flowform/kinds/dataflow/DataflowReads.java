package dev.flowform.kinds.dataflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowform.diag.FlowformException;
import dev.flowform.flowservice.Collection;
import dev.flowform.flowservice.PlatformResources;
import dev.flowform.kinds.Dependency;
import dev.flowform.kinds.FlatJson;
import dev.flowform.manifest.DesiredResource;
import dev.flowform.model.RemoteResource;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** What a flow reads back: its flow spec, the flow as state keeps it, and its outputs. */
final class DataflowReads {
  private final PlatformResources platform;

  DataflowReads(PlatformResources platform) {
    this.platform = platform;
  }

  /**
   * The flow spec the manifest names, or the one the catalog chose at plan time, as the platform
   * has it (its version and name).
   */
  JsonNode flowSpec(DesiredResource desired) {
    String name = desired.attributes().get(DataflowKind.FLOW_SPEC);
    if (name != null) {
      return flowSpecNamed(name);
    }
    String id = desired.attributes().get(DataflowKind.FLOW_SPEC_ID);
    if (id == null) {
      throw new FlowformException(
          desired.address() + " has no flow spec", "name one in spec.flowSpec");
    }
    return platform
        .get(Collection.FLOW_SPECS, id)
        .orElseThrow(
            () ->
                new FlowformException(
                    desired.address()
                        + ": the platform has no flow spec "
                        + id
                        + ", which the catalog in specs/ chose",
                    "run flowform specs pull to bring the catalog up to date, or name the flow"
                        + " spec in spec.flowSpec"));
  }

  private JsonNode flowSpecNamed(String name) {
    return platform.list(Collection.FLOW_SPECS, "name==" + name).stream()
        .filter(s -> name.equals(FlatJson.text(s, "name")))
        .findFirst()
        .orElseThrow(
            () ->
                new FlowformException(
                    "the platform has no flow spec named \"" + name + "\"",
                    "check spec.flowSpec (CRMToAEP for CRM sources into the data lake)"));
  }

  static SortedMap<String, String> outputs(
      DesiredResource desired, Map<String, Dependency> dependencies, String flowSpecId) {
    SortedMap<String, String> outputs = new TreeMap<>();
    if (flowSpecId != null) {
      outputs.put(DataflowCalls.FLOW_SPEC_ID, flowSpecId);
    }
    DataflowBodies.reference(desired, DataflowKind.MAPPING)
        .ifPresent(
            r ->
                outputs.put(
                    DataflowCalls.MAPPING_VERSION,
                    DataflowBodies.mappingVersion(dependencies.get(r.address()))));
    return outputs;
  }

  /** A flow as state keeps it: the Copy and Mapping transformations at their usual places. */
  static RemoteResource remote(JsonNode node) {
    SortedMap<String, String> attributes = new TreeMap<>();
    putText(attributes, "/name", node.get("name"));
    putText(attributes, "/description", node.get("description"));
    node.path("scheduleParams")
        .properties()
        .forEach(e -> putText(attributes, DataflowKind.SCHEDULE + "/" + e.getKey(), e.getValue()));
    SortedMap<String, String> references = new TreeMap<>();
    SortedMap<String, String> outputs = new TreeMap<>();
    for (JsonNode transformation : node.path("transformations")) {
      String name = FlatJson.text(transformation, "name");
      if ("Copy".equalsIgnoreCase(name)) {
        transformation
            .path("params")
            .path("deltaColumn")
            .properties()
            .forEach(e -> putText(attributes, DataflowKind.DELTA + "/" + e.getKey(), e.getValue()));
      } else if ("Mapping".equalsIgnoreCase(name)) {
        putText(references, DataflowKind.MAPPING, transformation.at("/params/mappingId"));
        putText(
            outputs, DataflowCalls.MAPPING_VERSION, transformation.at("/params/mappingVersion"));
      }
    }
    String state = FlatJson.text(node, "state");
    if (state != null) {
      attributes.put(DataflowKind.ENABLED, Boolean.toString(!"disabled".equalsIgnoreCase(state)));
    }
    putText(references, DataflowKind.SOURCE, node.at(DataflowKind.SOURCE));
    putText(references, DataflowKind.TARGET, node.at(DataflowKind.TARGET));
    putText(outputs, DataflowCalls.FLOW_SPEC_ID, node.at("/flowSpec/id"));
    putText(attributes, DataflowKind.FLOW_SPEC_ID, node.at("/flowSpec/id"));
    return new RemoteResource(
        FlatJson.text(node, "id"),
        FlatJson.text(node, "etag"),
        FlatJson.text(node, "name"),
        attributes,
        references,
        outputs);
  }

  private static void putText(SortedMap<String, String> out, String key, JsonNode value) {
    if (value != null && !value.isMissingNode() && !value.isNull() && value.isValueNode()) {
      out.put(key, value.asText());
    }
  }
}
