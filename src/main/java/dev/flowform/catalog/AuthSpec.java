package dev.flowform.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One way to authenticate a connector's connections: what a connection sends as {@code
 * auth.specName}, and the JSON Schema of its params.
 *
 * @param schema the JSON Schema (draft-07) of {@code auth.params}; never changed once built
 */
public record AuthSpec(String name, String type, ObjectNode schema) {

  public AuthSpec {
    schema = schema.deepCopy();
  }

  /** The params the schema defines, in its order. */
  public List<String> properties() {
    List<String> names = new ArrayList<>();
    schema.path("properties").fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** The names {@code required} lists (some may not be defined: Adobe's own specs do that). */
  public Set<String> required() {
    Set<String> names = new TreeSet<>();
    schema.path("required").forEach(n -> names.add(n.asText()));
    return names;
  }

  /** The params that are secrets: {@code "format": "password"} or {@code "sensitive": true}. */
  public Set<String> secrets() {
    Set<String> names = new TreeSet<>();
    schema
        .path("properties")
        .properties()
        .forEach(
            e -> {
              if (isSecret(e.getValue())) {
                names.add(e.getKey());
              }
            });
    return names;
  }

  /** The schema of one param; a missing node when the schema does not define it. */
  public JsonNode property(String param) {
    return schema.path("properties").path(param);
  }

  static boolean isSecret(JsonNode property) {
    return "password".equals(property.path("format").asText(null))
        || property.path("sensitive").asBoolean(false);
  }
}
