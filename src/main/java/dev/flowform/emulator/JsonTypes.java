package dev.flowform.emulator;

import com.fasterxml.jackson.databind.JsonNode;

/** Whether a param's JSON value is of the type its spec's schema declares. */
final class JsonTypes {
  private JsonTypes() {}

  static boolean fits(JsonNode value, String type) {
    return switch (type) {
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      default -> value.isTextual();
    };
  }
}
