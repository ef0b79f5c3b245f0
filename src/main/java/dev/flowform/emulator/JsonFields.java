package dev.flowform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.OptionalLong;

/** Reading request fields the way the services do, each failure a {@code 1100-400}. */
final class JsonFields {
  private JsonFields() {}

  /** The body as an object; a {@code 1100-400} when it is something else. */
  static ObjectNode object(JsonNode body) {
    if (!body.isObject()) {
      throw Errors.invalidRequest("The request body must be a JSON object.");
    }
    return (ObjectNode) body;
  }

  /** A required, non-blank text field; {@code what} names it in the error. */
  static String required(JsonNode node, String what) {
    if (node == null || !node.isTextual() || node.textValue().isBlank()) {
      throw Errors.invalidRequest("The " + what + " is required.");
    }
    return node.textValue();
  }

  /** An optional text field; absent or null is null, anything but text a {@code 1100-400}. */
  static String optional(JsonNode node, String what) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (!node.isTextual()) {
      throw Errors.invalidRequest("The " + what + " must be a string.");
    }
    return node.textValue();
  }

  /**
   * A whole number given as a number or as a string of digits (Adobe's examples send {@code "15"}
   * where the OpenAPI description says integer); empty when absent.
   */
  static OptionalLong number(JsonNode node, String what) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return OptionalLong.empty();
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return OptionalLong.of(node.longValue());
    }
    if (node.isTextual() && node.textValue().trim().matches("-?[0-9]{1,18}")) {
      return OptionalLong.of(Long.parseLong(node.textValue().trim()));
    }
    throw Errors.invalidRequest("The " + what + " must be a whole number.");
  }

  /** Copies {@code field} from one object to another when present. */
  static void copy(JsonNode from, ObjectNode to, String field) {
    JsonNode value = from.get(field);
    if (value != null && !value.isNull()) {
      to.set(field, value.deepCopy());
    }
  }
}
