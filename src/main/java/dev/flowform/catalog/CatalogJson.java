package dev.flowform.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The catalog's file format: a platform spec trimmed to what validation needs, keys sorted, so that
 * the same spec always writes the same bytes and a pull reviews as a small diff.
 */
final class CatalogJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private CatalogJson() {}

  /** A {@code GET /connectionSpecs} item as the catalog keeps it. */
  static ObjectNode trimConnectionSpec(JsonNode item) {
    ObjectNode out = MAPPER.createObjectNode();
    out.put("id", text(item, "id"));
    out.put("name", text(item, "name"));
    out.put("version", text(item, "version"));
    String label = item.path("attributes").path("connectorName").asText(null);
    if (label != null) {
      out.put("label", label);
    }
    List<JsonNode> auths = new ArrayList<>();
    item.path("authSpec").forEach(auths::add);
    auths.sort(Comparator.comparing(a -> a.path("name").asText("")));
    ArrayNode authSpec = out.putArray("authSpec");
    for (JsonNode auth : auths) {
      ObjectNode one = authSpec.addObject();
      one.put("name", auth.path("name").asText(""));
      one.put("type", auth.path("type").asText(""));
      one.set("spec", auth.path("spec").isObject() ? auth.get("spec") : empty());
    }
    JsonNode source = item.path("sourceSpec").path("spec");
    if (source.isObject()) {
      out.set("sourceSpec", source);
    }
    return (ObjectNode) sorted(out);
  }

  /** A {@code GET /flowSpecs} item as the catalog keeps it. */
  static ObjectNode trimFlowSpec(JsonNode item) {
    ObjectNode out = MAPPER.createObjectNode();
    out.put("id", text(item, "id"));
    out.put("name", text(item, "name"));
    out.put("version", text(item, "version"));
    out.set("sourceConnectionSpecIds", sortedTexts(item.path("sourceConnectionSpecIds")));
    out.set("targetConnectionSpecIds", sortedTexts(item.path("targetConnectionSpecIds")));
    return (ObjectNode) sorted(out);
  }

  static ConnectorSpec connector(JsonNode trimmed) {
    List<AuthSpec> auths = new ArrayList<>();
    trimmed
        .path("authSpec")
        .forEach(
            a ->
                auths.add(
                    new AuthSpec(
                        a.path("name").asText(),
                        a.path("type").asText(),
                        a.path("spec").isObject() ? (ObjectNode) a.get("spec") : empty())));
    JsonNode source = trimmed.path("sourceSpec");
    return new ConnectorSpec(
        required(trimmed, "id"),
        required(trimmed, "name"),
        trimmed.path("version").asText(null),
        trimmed.path("label").asText(null),
        auths,
        source.isObject() ? (ObjectNode) source : null);
  }

  static FlowSpec flowSpec(JsonNode trimmed) {
    return new FlowSpec(
        required(trimmed, "id"),
        required(trimmed, "name"),
        trimmed.path("version").asText(null),
        texts(trimmed.path("sourceConnectionSpecIds")),
        texts(trimmed.path("targetConnectionSpecIds")));
  }

  /** The bytes of a catalog file: two-space indent, LF, one trailing newline. */
  static String write(JsonNode node) {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return MAPPER.writer(printer).writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A copy with every object's keys sorted (arrays keep their order). */
  static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      Map<String, JsonNode> fields = new TreeMap<>();
      node.properties().forEach(e -> fields.put(e.getKey(), sorted(e.getValue())));
      ObjectNode out = MAPPER.createObjectNode();
      fields.forEach(out::set);
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = MAPPER.createArrayNode();
      node.forEach(n -> out.add(sorted(n)));
      return out;
    }
    return node.deepCopy();
  }

  private static ArrayNode sortedTexts(JsonNode array) {
    ArrayNode out = MAPPER.createArrayNode();
    texts(array).stream().sorted().forEach(out::add);
    return out;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static String text(JsonNode item, String field) {
    return item.path(field).asText(null);
  }

  private static String required(JsonNode node, String field) {
    String value = node.path(field).asText(null);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("'" + field + "' is missing");
    }
    return value;
  }

  private static ObjectNode empty() {
    return MAPPER.createObjectNode();
  }
}
