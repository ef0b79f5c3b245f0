package dev.flowform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Applies a JSON Patch to a connection: {@code add}, {@code replace} and {@code remove} on {@code
 * /name}, {@code /description}, {@code /auth/params} and {@code /auth/params/KEY}. Op names are
 * compared ignoring case (Adobe's OpenAPI enumerates {@code ADD}, {@code REPLACE}, {@code REMOVE};
 * aepp sends {@code Add}); the body is an array of operations or a single operation object. All
 * operations apply or none: the result is checked as a whole.
 */
final class JsonPatcher {
  private static final Set<String> OPS = Set.of("add", "replace", "remove");
  private static final String PARAMS = "/auth/params";

  private JsonPatcher() {}

  static EmulatedConnection apply(EmulatedConnection connection, JsonNode patch) {
    List<JsonNode> operations = operations(patch);
    ConnectionSpecs.authSpec(connection.connectionSpecId(), connection.authSpecName())
        .ifPresent(
            auth ->
                operations.stream()
                    .filter(op -> PARAMS.equals(op.path("path").asText()))
                    .forEach(op -> auth.checkTypes(op.get("value"))));
    EmulatedConnection result = connection;
    for (JsonNode operation : operations) {
      result = applyOne(result, operation);
    }
    AuthSpec auth =
        ConnectionSpecs.authSpec(result.connectionSpecId(), result.authSpecName())
            .orElseThrow(
                () ->
                    Errors.authSpecNotFound(
                        connection.authSpecName(), connection.connectionSpecId()));
    auth.check(result.params());
    return result;
  }

  /**
   * The operations of a patch body: a JSON Patch array, or one operation object (the form Adobe's
   * OpenAPI description gives, {@code PatchInstruction}).
   */
  static List<JsonNode> operations(JsonNode patch) {
    if (patch.isObject()) {
      return List.of(patch);
    }
    if (!patch.isArray()) {
      throw Errors.invalidRequest(
          "The request body must be a JSON Patch array or one patch operation object.");
    }
    if (patch.isEmpty()) {
      throw Errors.emptyBody();
    }
    List<JsonNode> operations = new ArrayList<>();
    patch.forEach(operations::add);
    return operations;
  }

  private static EmulatedConnection applyOne(EmulatedConnection c, JsonNode operation) {
    String given = operation.path("op").asText("");
    String op = given.toLowerCase(Locale.ROOT);
    String path = operation.path("path").asText("");
    JsonNode value = operation.get("value");
    if (!OPS.contains(op)) {
      throw Errors.unsupportedOp(given);
    }
    if (path.equals("/connectionSpec") || path.startsWith("/connectionSpec/")) {
      throw Errors.specNotUpdatable();
    }
    if (!op.equals("remove") && value == null) {
      throw Errors.invalidRequest("The '" + op + "' of '" + path + "' needs a value.");
    }
    switch (path) {
      case "/name" -> {
        if (op.equals("remove") || !value.isTextual() || value.textValue().isBlank()) {
          throw Errors.invalidRequest("The connection 'name' is required.");
        }
        return c.toBuilder().name(value.textValue()).build();
      }
      case "/description" -> {
        if (op.equals("remove") || value.isNull()) {
          return c.toBuilder().description(null).build();
        }
        if (!value.isTextual()) {
          throw Errors.invalidRequest("The connection 'description' must be a string.");
        }
        return c.toBuilder().description(value.textValue()).build();
      }
      case PARAMS -> {
        if (op.equals("remove")) {
          throw Errors.invalidRequest("The connection's auth params are required.");
        }
        return c.toBuilder().params(AuthSpec.params(value)).build();
      }
      default -> {
        if (path.startsWith(PARAMS + "/") && path.length() > PARAMS.length() + 1) {
          return onParam(c, op, unescape(path.substring(PARAMS.length() + 1)), path, value);
        }
        throw Errors.pathNotFound(path);
      }
    }
  }

  private static EmulatedConnection onParam(
      EmulatedConnection c, String op, String key, String path, JsonNode value) {
    Map<String, String> params = new HashMap<>(c.params());
    if (!op.equals("add") && !params.containsKey(key)) {
      throw Errors.pathNotFound(path);
    }
    if (op.equals("remove")) {
      params.remove(key);
    } else if (value.isTextual()) {
      params.put(key, value.textValue());
    } else {
      throw Errors.invalidRequest("The auth param '" + key + "' must be a string.");
    }
    return c.toBuilder().params(params).build();
  }

  private static String unescape(String token) {
    return token.replace("~1", "/").replace("~0", "~");
  }
}
