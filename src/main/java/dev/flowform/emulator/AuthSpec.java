package dev.flowform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One way to authenticate a connection of a spec: its name, type and params.
 *
 * @param params every param, in order
 * @param optional the params a connection may leave out; every other one is required
 * @param secrets the params that are secret ({@code "format": "password"} in the JSON Schema)
 */
record AuthSpec(
    String name, String type, List<String> params, Set<String> optional, Set<String> secrets) {

  AuthSpec {
    params = List.copyOf(params);
    optional = Set.copyOf(optional);
    secrets = Set.copyOf(secrets);
  }

  /** The params a connection must give, in order. */
  List<String> required() {
    return params.stream().filter(p -> !optional.contains(p)).toList();
  }

  /** Throws {@code 1100-400} unless every required param of this auth spec has a value. */
  void check(Map<String, String> values) {
    for (String param : required()) {
      String value = values.get(param);
      if (value == null || value.isBlank()) {
        throw Errors.invalidRequest(
            "The auth param '" + param + "' is required by '" + name + "'.");
      }
    }
  }

  /** Reads a JSON object of string params; {@code 1100-400} for anything else. */
  static Map<String, String> params(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw Errors.invalidRequest("auth.params must be an object of strings.");
    }
    Map<String, String> params = new LinkedHashMap<>();
    json.properties()
        .forEach(
            field -> {
              if (!field.getValue().isTextual()) {
                throw Errors.invalidRequest(
                    "The auth param '" + field.getKey() + "' must be a string.");
              }
              params.put(field.getKey(), field.getValue().textValue());
            });
    return params;
  }
}
