package dev.flowform.kinds.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowform.flowservice.Collection;
import dev.flowform.flowservice.PlatformResources;
import dev.flowform.kinds.Dependency;
import dev.flowform.kinds.FlatJson;
import dev.flowform.kinds.KindCalls;
import dev.flowform.kinds.Recorded;
import dev.flowform.kinds.Written;
import dev.flowform.manifest.DesiredResource;
import dev.flowform.model.RemoteResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** Data Prep's {@code /mappingSets}: POST makes version 0, PUT the next version. */
final class MappingSetCalls implements KindCalls {
  static final String VERSION = "version";

  private final PlatformResources platform;

  MappingSetCalls(PlatformResources platform) {
    this.platform = platform;
  }

  @Override
  public Written create(
      DesiredResource desired, Map<String, Dependency> dependencies, Runnable beforeEachSend) {
    return written(platform.create(Collection.MAPPING_SETS, body(desired), beforeEachSend));
  }

  @Override
  public Optional<RemoteResource> read(String id) {
    return platform.get(Collection.MAPPING_SETS, id).map(MappingSetCalls::remote);
  }

  /** Mapping sets have no name: the candidates are those with exactly this content. */
  @Override
  public List<RemoteResource> find(DesiredResource desired, Map<String, Dependency> dependencies) {
    return platform.list(Collection.MAPPING_SETS, null).stream()
        .map(MappingSetCalls::remote)
        .filter(r -> r.attributes().equals(desired.attributes()))
        .toList();
  }

  @Override
  public Written update(
      Recorded recorded,
      DesiredResource desired,
      Map<String, Dependency> dependencies,
      List<String> changed) {
    JsonNode answer = platform.put(Collection.MAPPING_SETS, recorded.id(), body(desired));
    Written written = written(answer);
    return new Written(recorded.id(), written.etag(), written.outputs());
  }

  @Override
  public void delete(String id) {
    platform.delete(Collection.MAPPING_SETS, id);
  }

  private static ObjectNode body(DesiredResource desired) {
    return FlatJson.body(desired.attributes(), FlatJson.TEXT);
  }

  /** Data Prep answers a version, not an etag: the version stands for one. */
  private static Written written(JsonNode answer) {
    String version = FlatJson.text(answer, VERSION);
    String etag = FlatJson.text(answer, "etag");
    SortedMap<String, String> outputs = new TreeMap<>();
    if (version != null) {
      outputs.put(VERSION, version);
    }
    return new Written(
        FlatJson.text(answer, "id"), etag != null ? etag : "\"v" + version + "\"", outputs);
  }

  static RemoteResource remote(JsonNode node) {
    List<String> pointers = new ArrayList<>();
    pointers.add(MappingSetKind.SCHEMA);
    pointers.add(MappingSetKind.CONTENT_TYPE);
    JsonNode mappings = node.path("mappings");
    for (int i = 0; i < mappings.size(); i++) {
      pointers.add("/mappings/" + i + "/sourceType");
      pointers.add("/mappings/" + i + "/source");
      pointers.add("/mappings/" + i + "/destination");
    }
    Written written = written(node);
    return new RemoteResource(
        written.id(), written.etag(), null, FlatJson.read(node, pointers), null, written.outputs());
  }
}
