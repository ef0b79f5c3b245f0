package dev.flowform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowform.catalog.ParamTypes;
import dev.flowform.flowservice.Collection;
import dev.flowform.flowservice.PlatformResources;
import dev.flowform.manifest.DesiredResource;
import dev.flowform.manifest.ResourceReference;
import dev.flowform.model.RemoteResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The calls of a Flow Service collection whose resources have names and etags (source and target
 * connections): the body is the attributes at their pointers plus each reference's id; the name and
 * description change by PATCH.
 */
public class CollectionCalls implements KindCalls {
  protected final PlatformResources platform;
  private final Collection collection;
  private final List<String> attributes;
  private final List<String> referenceFields;

  /**
   * @param attributes the pointers its attributes are read from
   * @param referenceFields the pointers its references' ids stand at
   */
  public CollectionCalls(
      PlatformResources platform,
      Collection collection,
      List<String> attributes,
      List<String> referenceFields) {
    this.platform = platform;
    this.collection = collection;
    this.attributes = List.copyOf(attributes);
    this.referenceFields = List.copyOf(referenceFields);
  }

  /** The create body: attributes, then each reference's id at its field. */
  protected ObjectNode body(DesiredResource desired, Map<String, Dependency> dependencies) {
    ObjectNode body = FlatJson.body(desired.attributes(), typed(desired));
    for (ResourceReference reference : desired.references()) {
      Dependency dependency = dependencies.get(reference.address());
      FlatJson.set(body, reference.field(), JsonNodeFactory.instance.textNode(dependency.id()));
    }
    return body;
  }

  /** Text, but where the resource types an attribute (a param its connector types), that type. */
  private static FlatJson.Typing typed(DesiredResource desired) {
    return (pointer, text) -> ParamTypes.sent(text, desired.types().get(pointer));
  }

  @Override
  public Written create(
      DesiredResource desired, Map<String, Dependency> dependencies, Runnable beforeEachSend) {
    JsonNode answer = platform.create(collection, body(desired, dependencies), beforeEachSend);
    return new Written(FlatJson.text(answer, "id"), FlatJson.text(answer, "etag"), null);
  }

  @Override
  public Optional<RemoteResource> read(String id) {
    return platform.get(collection, id).map(this::remote);
  }

  @Override
  public List<RemoteResource> find(DesiredResource desired, Map<String, Dependency> dependencies) {
    return platform.list(collection, "name==" + desired.name()).stream()
        .map(this::remote)
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
    for (String pointer : changed) {
      String value = desired.attributes().get(pointer);
      boolean existed = recorded.attributes().containsKey(pointer);
      if (value == null) {
        if (existed) {
          patches.remove(pointer);
        }
      } else {
        patches.set(pointer, typed(desired).value(pointer, value), existed);
      }
    }
    if (patches.isEmpty()) {
      return new Written(recorded.id(), recorded.etag(), recorded.outputs());
    }
    String etag = platform.patch(collection, recorded.id(), recorded.etag(), patches.operations());
    return new Written(recorded.id(), etag, recorded.outputs());
  }

  @Override
  public void delete(String id) {
    platform.delete(collection, id);
  }

  /** A resource as this kind reads it. */
  protected RemoteResource remote(JsonNode node) {
    SortedMap<String, String> references = new TreeMap<>();
    for (String field : referenceFields) {
      JsonNode value = node.at(field);
      if (value.isValueNode() && !value.isNull()) {
        references.put(field, value.asText());
      }
    }
    return new RemoteResource(
        FlatJson.text(node, "id"),
        FlatJson.text(node, "etag"),
        FlatJson.text(node, "name"),
        FlatJson.read(node, attributes),
        references,
        new TreeMap<>());
  }
}
