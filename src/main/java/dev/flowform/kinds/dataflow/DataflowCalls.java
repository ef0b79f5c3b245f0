package dev.flowform.kinds.dataflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowform.diag.FlowformException;
import dev.flowform.flowservice.Collection;
import dev.flowform.flowservice.PlatformResources;
import dev.flowform.kinds.Dependency;
import dev.flowform.kinds.FlatJson;
import dev.flowform.kinds.Health;
import dev.flowform.kinds.KindCalls;
import dev.flowform.kinds.Patches;
import dev.flowform.kinds.Recorded;
import dev.flowform.kinds.Written;
import dev.flowform.manifest.DesiredResource;
import dev.flowform.manifest.ResourceReference;
import dev.flowform.model.RemoteResource;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** {@code /flows}, its action endpoint and its runs. */
final class DataflowCalls implements KindCalls {
  static final String FLOW_SPEC_ID = "flowSpecId";
  static final String MAPPING_VERSION = "mappingVersion";
  static final String FLOW_SPEC_NAME = "flowSpecName";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final PlatformResources platform;

  DataflowCalls(PlatformResources platform) {
    this.platform = platform;
  }

  @Override
  public Written create(DesiredResource desired, Map<String, Dependency> dependencies) {
    JsonNode spec = flowSpec(desired);
    ObjectNode body = NODES.objectNode();
    body.put("name", desired.attributes().get("/name"));
    if (desired.attributes().containsKey("/description")) {
      body.put("description", desired.attributes().get("/description"));
    }
    ObjectNode flowSpec = body.putObject("flowSpec");
    flowSpec.put("id", FlatJson.text(spec, "id"));
    flowSpec.put("version", versionOf(spec));
    body.putArray("sourceConnectionIds").add(idOf(desired, DataflowKind.SOURCE, dependencies));
    body.putArray("targetConnectionIds").add(idOf(desired, DataflowKind.TARGET, dependencies));
    body.set("transformations", transformations(desired, dependencies));
    body.set("scheduleParams", schedule(desired));
    JsonNode answer = platform.create(Collection.FLOWS, body);
    String id = FlatJson.text(answer, "id");
    String etag = FlatJson.text(answer, "etag");
    SortedMap<String, String> outputs = outputs(desired, dependencies, FlatJson.text(spec, "id"));
    outputs.put(FLOW_SPEC_NAME, FlatJson.text(spec, "name"));
    if ("false".equals(desired.attributes().get(DataflowKind.ENABLED))) {
      etag = etagOf(platform.action(Collection.FLOWS, id, "disable"), etag);
    }
    return new Written(id, etag, outputs);
  }

  @Override
  public Optional<RemoteResource> read(String id) {
    return platform.get(Collection.FLOWS, id).map(DataflowCalls::remote);
  }

  @Override
  public List<RemoteResource> find(DesiredResource desired, Map<String, Dependency> dependencies) {
    return platform.list(Collection.FLOWS, "name==" + desired.name()).stream()
        .map(DataflowCalls::remote)
        .filter(r -> desired.name().equals(r.name()))
        .toList();
  }

  @Override
  public Written update(
      Recorded recorded,
      DesiredResource desired,
      Map<String, Dependency> dependencies,
      List<String> changed) {
    Patches patches = new Patches();
    boolean delta = false;
    boolean mapping = false;
    boolean enable = false;
    for (String pointer : changed) {
      if (pointer.startsWith(DataflowKind.DELTA)) {
        delta = true;
      } else if (pointer.startsWith("/transformations/1")) {
        mapping = true;
      } else if (pointer.equals(DataflowKind.ENABLED)) {
        enable = true;
      } else if (pointer.startsWith(DataflowKind.SCHEDULE + "/")
          || pointer.equals("/name")
          || pointer.equals("/description")) {
        String value = desired.attributes().get(pointer);
        boolean existed = recorded.attributes().containsKey(pointer);
        if (value == null) {
          patches.remove(pointer);
        } else {
          patches.set(pointer, typed(pointer, value), existed);
        }
      }
    }
    ArrayNode transformations = transformations(desired, dependencies);
    if (delta) {
      patches.set("/transformations/0", transformations.get(0), true);
    }
    if (mapping && transformations.size() > 1) {
      patches.set("/transformations/1", transformations.get(1), true);
    }
    String etag = recorded.etag();
    if (!patches.isEmpty()) {
      etag = platform.patch(Collection.FLOWS, recorded.id(), etag, patches.operations());
    }
    if (enable) {
      String op =
          "false".equals(desired.attributes().get(DataflowKind.ENABLED)) ? "disable" : "enable";
      etag = etagOf(platform.action(Collection.FLOWS, recorded.id(), op), etag);
    }
    return new Written(
        recorded.id(), etag, outputs(desired, dependencies, recorded.outputs().get(FLOW_SPEC_ID)));
  }

  @Override
  public void delete(String id) {
    platform.delete(Collection.FLOWS, id);
  }

  /** The flow's state and its latest run (the runs sorted by start, newest first). */
  @Override
  public Optional<Health> health(String id) {
    Optional<JsonNode> flow = platform.get(Collection.FLOWS, id);
    if (flow.isEmpty()) {
      return Optional.empty();
    }
    List<JsonNode> runs = platform.list(Collection.RUNS, "flowId==" + id);
    Optional<JsonNode> latest = runs.stream().max(Comparator.comparing(DataflowCalls::startedAt));
    String state = FlatJson.text(flow.get(), "state");
    return Optional.of(
        latest
            .map(
                run ->
                    new Health(
                        state,
                        run.at("/metrics/statusSummary/status").asText(null),
                        run.at("/metrics/recordSummary/inputRecordCount").asLong(-1),
                        run.at("/metrics/recordSummary/failedRecordCount").asLong(-1)))
            .orElse(new Health(state, null, -1, -1)));
  }

  private static String startedAt(JsonNode run) {
    JsonNode started = run.at("/metrics/durationSummary/startedAtUTC");
    return started.isMissingNode() ? "" : String.format("%020d", started.asLong());
  }

  /**
   * The flow spec the manifest names, or the one the catalog chose at plan time, as the platform
   * has it (its version and name).
   */
  private JsonNode flowSpec(DesiredResource desired) {
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

  private static String versionOf(JsonNode spec) {
    String version = FlatJson.text(spec, "version");
    return version == null ? "1.0" : version;
  }

  private static String idOf(
      DesiredResource desired, String field, Map<String, Dependency> dependencies) {
    return reference(desired, field).map(r -> dependencies.get(r.address()).id()).orElse(null);
  }

  private static Optional<ResourceReference> reference(DesiredResource desired, String field) {
    return desired.references().stream().filter(r -> r.field().equals(field)).findFirst();
  }

  private static ArrayNode transformations(
      DesiredResource desired, Map<String, Dependency> dependencies) {
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

  private static String mappingVersion(Dependency mapping) {
    String version = mapping.output("version");
    return version == null ? "0" : version;
  }

  private static ObjectNode schedule(DesiredResource desired) {
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
  private static JsonNode typed(String pointer, String value) {
    if (pointer.endsWith("/startTime") || pointer.endsWith("/interval")) {
      return NODES.numberNode(Long.parseLong(value));
    }
    if (pointer.endsWith("/backfill")) {
      return NODES.booleanNode(Boolean.parseBoolean(value));
    }
    return NODES.textNode(value);
  }

  private static SortedMap<String, String> outputs(
      DesiredResource desired, Map<String, Dependency> dependencies, String flowSpecId) {
    SortedMap<String, String> outputs = new TreeMap<>();
    if (flowSpecId != null) {
      outputs.put(FLOW_SPEC_ID, flowSpecId);
    }
    reference(desired, DataflowKind.MAPPING)
        .ifPresent(
            r -> outputs.put(MAPPING_VERSION, mappingVersion(dependencies.get(r.address()))));
    return outputs;
  }

  private static String etagOf(JsonNode answer, String fallback) {
    String etag = FlatJson.text(answer, "etag");
    return etag == null ? fallback : etag;
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
        putText(outputs, MAPPING_VERSION, transformation.at("/params/mappingVersion"));
      }
    }
    String state = FlatJson.text(node, "state");
    if (state != null) {
      attributes.put(DataflowKind.ENABLED, Boolean.toString(!"disabled".equalsIgnoreCase(state)));
    }
    putText(references, DataflowKind.SOURCE, node.at(DataflowKind.SOURCE));
    putText(references, DataflowKind.TARGET, node.at(DataflowKind.TARGET));
    putText(outputs, FLOW_SPEC_ID, node.at("/flowSpec/id"));
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
