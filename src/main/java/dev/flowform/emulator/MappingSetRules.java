package dev.flowform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Set;

/**
 * A Data Prep mapping set's body (a POST, and each PUT): {@code outputSchema.schemaRef.id} (the
 * target XDM schema; {@code contentType} optional) and {@code mappings}, each with a {@code
 * destination} and a {@code source} ({@code sourceType} {@code ATTRIBUTE}, the default, or {@code
 * EXPRESSION}); {@code name}, {@code inputSchema} and each mapping's {@code name} and {@code
 * description} are kept as sent.
 */
final class MappingSetRules {
  private static final Set<String> SOURCE_TYPES = Set.of("ATTRIBUTE", "EXPRESSION");

  private final ObjectMapper mapper;

  MappingSetRules(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  ObjectNode check(JsonNode request) {
    ObjectNode given = JsonFields.object(request);
    ObjectNode body = mapper.createObjectNode();
    String name = JsonFields.optional(given.get("name"), "'name'");
    if (name != null) {
      body.put("name", name);
    }
    JsonNode schemaRef = given.path("outputSchema").path("schemaRef");
    ObjectNode ref = body.putObject("outputSchema").putObject("schemaRef");
    ref.put("id", JsonFields.required(schemaRef.get("id"), "'outputSchema.schemaRef.id'"));
    String contentType = JsonFields.optional(schemaRef.get("contentType"), "'contentType'");
    ref.put(
        "contentType",
        contentType == null ? "application/vnd.adobe.xed-full+json;version=1" : contentType);
    JsonFields.copy(given, body, "inputSchema");
    JsonNode mappings = given.get("mappings");
    if (mappings == null || !mappings.isArray() || mappings.isEmpty()) {
      throw Errors.invalidRequest("The mapping set's 'mappings' are required.");
    }
    ArrayNode checked = body.putArray("mappings");
    for (JsonNode mapping : mappings) {
      checked.add(mapping(mapping));
    }
    return body;
  }

  private ObjectNode mapping(JsonNode given) {
    if (!given.isObject()) {
      throw Errors.invalidRequest("Each mapping must be an object.");
    }
    ObjectNode mapping = mapper.createObjectNode();
    String type = JsonFields.optional(given.get("sourceType"), "mapping 'sourceType'");
    String sourceType = type == null ? "ATTRIBUTE" : type.toUpperCase(Locale.ROOT);
    if (!SOURCE_TYPES.contains(sourceType)) {
      throw Errors.invalidRequest(
          "The sourceType '" + type + "' is not one of ATTRIBUTE, EXPRESSION.");
    }
    mapping.put("sourceType", sourceType);
    mapping.put("source", JsonFields.required(given.get("source"), "mapping 'source'"));
    mapping.put(
        "destination", JsonFields.required(given.get("destination"), "mapping 'destination'"));
    JsonFields.copy(given, mapping, "name");
    JsonFields.copy(given, mapping, "description");
    return mapping;
  }
}
