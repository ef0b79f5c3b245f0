package dev.flowform.manifest.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/**
 * A reference always resolves to text: {@code ${var:port}} gives {@code "5432"}. Where the schema
 * wants a number or true/false and the text reads as one, it is checked as one.
 */
final class Coercion {
  private Coercion() {}

  /** A copy of {@code params} with such texts as numbers or booleans. */
  static ObjectNode apply(ObjectNode params, JsonNode schema) {
    ObjectNode out = params.deepCopy();
    params
        .properties()
        .forEach(
            e -> {
              JsonNode value = e.getValue();
              String type = schema.path("properties").path(e.getKey()).path("type").asText("");
              if (value.isTextual()) {
                JsonNode coerced = coerce(value.textValue(), type, out);
                if (coerced != null) {
                  out.set(e.getKey(), coerced);
                }
              }
            });
    return out;
  }

  private static JsonNode coerce(String text, String type, ObjectNode factory) {
    try {
      return switch (type) {
        case "integer" -> factory.numberNode(new BigDecimal(text).toBigIntegerExact());
        case "number" -> factory.numberNode(new BigDecimal(text));
        case "boolean" ->
            text.equals("true") || text.equals("false")
                ? factory.booleanNode(Boolean.parseBoolean(text))
                : null;
        default -> null;
      };
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }
}
