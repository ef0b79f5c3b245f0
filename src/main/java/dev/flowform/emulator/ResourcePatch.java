package dev.flowform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Applies a JSON Patch ({@code add}, {@code replace}, {@code remove}; op names in any case; an
 * array of operations or one operation object) to a copy of a resource's body. A path {@code
 * updatable} refuses answers {@code 1100-400} "cannot be updated" when its first segment is one of
 * the body's {@code fields}, and {@code 1455-400} otherwise. The caller checks the result whole.
 */
final class ResourcePatch {
  private static final Set<String> OPS = Set.of("add", "replace", "remove");

  private ResourcePatch() {}

  static ObjectNode apply(
      ObjectNode body, JsonNode patch, Predicate<String> updatable, Set<String> fields) {
    ObjectNode result = body.deepCopy();
    for (JsonNode operation : JsonPatcher.operations(patch)) {
      applyOne(result, operation, updatable, fields);
    }
    return result;
  }

  private static void applyOne(
      ObjectNode body, JsonNode operation, Predicate<String> updatable, Set<String> fields) {
    String given = operation.path("op").asText("");
    String op = given.toLowerCase(Locale.ROOT);
    String path = operation.path("path").asText("");
    JsonNode value = operation.get("value");
    if (!OPS.contains(op)) {
      throw Errors.unsupportedOp(given);
    }
    if (!path.startsWith("/") || path.length() < 2) {
      throw Errors.pathNotFound(path);
    }
    List<String> tokens =
        java.util.Arrays.stream(path.substring(1).split("/", -1))
            .map(t -> t.replace("~1", "/").replace("~0", "~"))
            .toList();
    if (!updatable.test(path)) {
      throw fields.contains(tokens.get(0)) ? Errors.notUpdatable(path) : Errors.pathNotFound(path);
    }
    if (!op.equals("remove") && value == null) {
      throw Errors.invalidRequest("The '" + op + "' of '" + path + "' needs a value.");
    }
    JsonNode parent = body;
    for (String token : tokens.subList(0, tokens.size() - 1)) {
      parent = child(parent, token);
      if (parent == null || !(parent.isObject() || parent.isArray())) {
        throw Errors.pathNotFound(path);
      }
    }
    String last = tokens.get(tokens.size() - 1);
    if (parent instanceof ObjectNode object) {
      if (op.equals("remove")) {
        if (object.remove(last) == null) {
          throw Errors.pathNotFound(path);
        }
      } else {
        object.set(last, value.deepCopy());
      }
    } else {
      onArray((ArrayNode) parent, op, last, path, value);
    }
  }

  private static void onArray(ArrayNode array, String op, String token, String path, JsonNode v) {
    if (op.equals("add") && token.equals("-")) {
      array.add(v.deepCopy());
      return;
    }
    int index = index(token, path);
    int bound = op.equals("add") ? array.size() : array.size() - 1;
    if (index > bound) {
      throw Errors.pathNotFound(path);
    }
    switch (op) {
      case "add" -> array.insert(index, v.deepCopy());
      case "replace" -> array.set(index, v.deepCopy());
      default -> array.remove(index);
    }
  }

  private static JsonNode child(JsonNode parent, String token) {
    if (parent.isObject()) {
      return parent.get(token);
    }
    if (token.matches("[0-9]{1,9}") && Integer.parseInt(token) < parent.size()) {
      return parent.get(Integer.parseInt(token));
    }
    return null;
  }

  private static int index(String token, String path) {
    if (!token.matches("[0-9]{1,9}")) {
      throw Errors.pathNotFound(path);
    }
    return Integer.parseInt(token);
  }
}
