package dev.flowform.kinds.dataflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import dev.flowform.model.RemoteResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/** {@code /flows}, its action endpoint and its runs. */
final class DataflowCalls implements KindCalls {
  static final String FLOW_SPEC_ID = "flowSpecId";
  static final String MAPPING_VERSION = "mappingVersion";
  static final String FLOW_SPEC_NAME = "flowSpecName";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final PlatformResources platform;
  private final DataflowReads reads;

  DataflowCalls(PlatformResources platform) {
    this.platform = platform;
    this.reads = new DataflowReads(platform);
  }

  @Override
  public Written create(
      DesiredResource desired, Map<String, Dependency> dependencies, Runnable beforeEachSend) {
    JsonNode spec = reads.flowSpec(desired);
    ObjectNode body = NODES.objectNode();
    body.put("name", desired.attributes().get("/name"));
    if (desired.attributes().containsKey("/description")) {
      body.put("description", desired.attributes().get("/description"));
    }
    ObjectNode flowSpec = body.putObject("flowSpec");
    flowSpec.put("id", FlatJson.text(spec, "id"));
    flowSpec.put("version", DataflowBodies.versionOf(spec));
    body.putArray("sourceConnectionIds")
        .add(DataflowBodies.idOf(desired, DataflowKind.SOURCE, dependencies));
    body.putArray("targetConnectionIds")
        .add(DataflowBodies.idOf(desired, DataflowKind.TARGET, dependencies));
    body.set("transformations", DataflowBodies.transformations(desired, dependencies));
    body.set("scheduleParams", DataflowBodies.schedule(desired));
    JsonNode answer = platform.create(Collection.FLOWS, body, beforeEachSend);
    String id = FlatJson.text(answer, "id");
    String etag = FlatJson.text(answer, "etag");
    SortedMap<String, String> outputs =
        DataflowReads.outputs(desired, dependencies, FlatJson.text(spec, "id"));
    outputs.put(FLOW_SPEC_NAME, FlatJson.text(spec, "name"));
    if ("false".equals(desired.attributes().get(DataflowKind.ENABLED))) {
      etag = etagOf(platform.action(Collection.FLOWS, id, "disable"), etag);
    }
    return new Written(id, etag, outputs);
  }

  @Override
  public Optional<RemoteResource> read(String id) {
    return platform.get(Collection.FLOWS, id).map(DataflowReads::remote);
  }

  @Override
  public List<RemoteResource> find(DesiredResource desired, Map<String, Dependency> dependencies) {
    return platform.list(Collection.FLOWS, "name==" + desired.name()).stream()
        .map(DataflowReads::remote)
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
          patches.set(pointer, DataflowBodies.typed(pointer, value), existed);
        }
      }
    }
    ArrayNode transformations = DataflowBodies.transformations(desired, dependencies);
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
        recorded.id(),
        etag,
        DataflowReads.outputs(desired, dependencies, recorded.outputs().get(FLOW_SPEC_ID)));
  }

  @Override
  public void delete(String id) {
    platform.delete(Collection.FLOWS, id);
  }

  /** The flow's state and its latest run (the runs sorted by start, newest first). */
  @Override
  public Optional<Health> health(String id) {
    return DataflowHealth.of(platform, id);
  }

  private static String etagOf(JsonNode answer, String fallback) {
    String etag = FlatJson.text(answer, "etag");
    return etag == null ? fallback : etag;
  }
}
