package dev.flowform.manifest.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowform.catalog.ParamTypes;

/**
 * A reference always resolves to text: {@code ${var:port}} gives {@code "5432"}. Where the schema
 * wants a number, true/false, an object or a list and the text reads as one, it is checked as one
 * (and sent as one): text that does not is refused by the schema's type.
 */
final class Coercion {
  private Coercion() {}

  /** A copy of {@code params} with such texts as the values they read as. */
  static ObjectNode apply(ObjectNode params, JsonNode schema) {
    ObjectNode out = params.deepCopy();
    params
        .properties()
        .forEach(
            e -> {
              JsonNode value = e.getValue();
              if (value.isTextual()) {
                ParamTypes.declared(schema, e.getKey())
                    .flatMap(type -> ParamTypes.as(value.textValue(), type))
                    .ifPresent(typed -> out.set(e.getKey(), typed));
              }
            });
    return out;
  }
}
