package dev.flowform.emulator;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads and checks a {@code POST /connections} body, as the Flow Service would. */
final class CreateRequest {
  private CreateRequest() {}

  static NewConnection parse(JsonNode body) {
    if (!body.isObject()) {
      throw Errors.invalidRequest("The request body must be a JSON object.");
    }
    String name = text(body.get("name"));
    if (name == null || name.isBlank()) {
      throw Errors.invalidRequest("The connection 'name' is required.");
    }
    JsonNode description = body.get("description");
    if (description != null && !description.isNull() && !description.isTextual()) {
      throw Errors.invalidRequest("The connection 'description' must be a string.");
    }
    JsonNode spec = body.path("connectionSpec");
    String specId = text(spec.get("id"));
    String version = text(spec.get("version"));
    if (!ConnectionSpecs.known(specId, version)) {
      throw Errors.invalidSpec(specId + (version == null ? "" : "' version '" + version));
    }
    String authSpecName = text(body.path("auth").get("specName"));
    AuthSpec auth =
        ConnectionSpecs.authSpec(specId, authSpecName)
            .orElseThrow(() -> Errors.authSpecNotFound(authSpecName, specId));
    auth.checkTypes(body.path("auth").get("params"));
    var params = AuthSpec.params(body.path("auth").get("params"));
    auth.check(params);
    return new NewConnection(
        name,
        text(description),
        specId,
        version == null ? EmulatedSpec.VERSION : version,
        auth.name(),
        params);
  }

  private static String text(JsonNode node) {
    return node != null && node.isTextual() ? node.textValue() : null;
  }
}
