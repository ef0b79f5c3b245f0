package dev.flowform.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The JSON types a connector's schema declares for its params, beyond text, and a param's text as
 * that type. A reference always resolves to text ({@code ${var:port}} gives {@code "5432"}); state
 * keeps that text, and the platform is sent the value the schema types: {@code 5432}.
 */
public final class ParamTypes {
  /** The types a value is sent as other than text. */
  public static final Set<String> TYPED = Set.of("integer", "number", "boolean", "object", "array");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();

  private ParamTypes() {}

  /** The declared type of each of {@code params} that is sent as something other than text. */
  public static SortedMap<String, String> of(JsonNode schema, Iterable<String> params) {
    SortedMap<String, String> out = new TreeMap<>();
    for (String param : params) {
      declared(schema, param).ifPresent(type -> out.put(param, type));
    }
    return out;
  }

  /** The type the schema declares for a param, when it is one of {@link #TYPED}. */
  public static Optional<String> declared(JsonNode schema, String param) {
    String type = schema.path("properties").path(param).path("type").asText("");
    return TYPED.contains(type) ? Optional.of(type) : Optional.empty();
  }

  /**
   * The text as a value of that type ({@code "5432"} as integer: {@code 5432}; a JSON object's text
   * as object: the object); empty when it does not read as one, or the type is not {@link #TYPED}.
   */
  public static Optional<JsonNode> as(String text, String type) {
    try {
      return Optional.ofNullable(
          switch (type) {
            case "integer" -> NODES.numberNode(new BigDecimal(text).toBigIntegerExact());
            case "number" -> NODES.numberNode(new BigDecimal(text));
            case "boolean" ->
                text.equals("true") || text.equals("false")
                    ? NODES.booleanNode(Boolean.parseBoolean(text))
                    : null;
            case "object" -> structure(text, true);
            case "array" -> structure(text, false);
            default -> null;
          });
    } catch (NumberFormatException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  /** The text as the platform takes it: typed where it reads as its type, else as text. */
  public static JsonNode sent(String text, String type) {
    return type == null ? NODES.textNode(text) : as(text, type).orElse(NODES.textNode(text));
  }

  private static JsonNode structure(String text, boolean object) {
    try {
      JsonNode node = JSON.readTree(text);
      return node != null && (object ? node.isObject() : node.isArray()) ? node : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
