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
 * @param types the JSON type of each param that is not a string ({@code port -> integer})
 */
record AuthSpec(
    String name,
    String type,
    List<String> params,
    Set<String> optional,
    Set<String> secrets,
    Map<String, String> types) {

  AuthSpec {
    params = List.copyOf(params);
    optional = Set.copyOf(optional);
    secrets = Set.copyOf(secrets);
    types = Map.copyOf(types);
  }

  /** An auth spec whose params are all strings. */
  AuthSpec(
      String name, String type, List<String> params, Set<String> optional, Set<String> secrets) {
    this(name, type, params, optional, secrets, Map.of());
  }

  /** The JSON type of a param: {@code string} unless {@link #types} says otherwise. */
  String typeOf(String param) {
    return types.getOrDefault(param, "string");
  }

  /** Throws {@code 1100-400} for a param whose JSON value is not of its declared type. */
  void checkTypes(JsonNode json) {
    if (json == null || !json.isObject()) {
      return;
    }
    json.properties()
        .forEach(
            field -> {
              String declared = typeOf(field.getKey());
              if (params.contains(field.getKey()) && !JsonTypes.fits(field.getValue(), declared)) {
                throw Errors.invalidRequest(
                    "The auth param '" + field.getKey() + "' must be " + declared + ".");
              }
            });
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

  /**
   * Reads a JSON object of params, each kept as its text (a number or true/false as written);
   * {@code 1100-400} for anything else. {@link #checkTypes} checks them against the spec.
   */
  static Map<String, String> params(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw Errors.invalidRequest("auth.params must be an object.");
    }
    Map<String, String> params = new LinkedHashMap<>();
    json.properties()
        .forEach(
            field -> {
              JsonNode value = field.getValue();
              if (value.isNull() || value.isMissingNode()) {
                throw Errors.invalidRequest(
                    "The auth param '" + field.getKey() + "' must have a value.");
              }
              params.put(field.getKey(), value.isValueNode() ? value.asText() : value.toString());
            });
    return params;
  }
}
