package dev.flowform.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A connection spec as {@code GET /connectionSpecs} shows it: JSON Schemas of its params. */
final class SpecItems {
  private static final String PROVIDER_ID = "0ed90a81-07f4-4586-8190-b40eccef1c5a";
  private static final String DRAFT_07 = "http://json-schema.org/draft-07/schema#";

  private SpecItems() {}

  static ObjectNode item(EmulatedSpec spec, ObjectMapper mapper) {
    ObjectNode item = mapper.createObjectNode();
    item.put("id", spec.id());
    item.put("name", spec.name());
    item.put("providerId", PROVIDER_ID);
    item.put("version", EmulatedSpec.VERSION);
    ObjectNode attributes = item.putObject("attributes");
    attributes.put("category", spec.category());
    attributes.put("connectorName", spec.label());
    attributes.put("isSource", true);
    ArrayNode auths = item.putArray("authSpec");
    spec.authSpecs().forEach(a -> auths.add(authSpec(spec, a, mapper)));
    ObjectNode sourceSpec = item.putObject("sourceSpec");
    ObjectNode schema = schema(sourceSpec.putObject("spec"), spec.label() + " as a source");
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = schema.putArray("required");
    for (EmulatedSpec.SourceParam param : spec.sourceParams()) {
      ObjectNode property = properties.putObject(param.name());
      property.put("type", param.type());
      property.put("description", param.description());
      if (param.required()) {
        required.add(param.name());
      }
    }
    return item;
  }

  private static ObjectNode authSpec(EmulatedSpec spec, AuthSpec auth, ObjectMapper mapper) {
    ObjectNode json = mapper.createObjectNode();
    json.put("name", auth.name());
    json.put("type", auth.type());
    ObjectNode schema =
        schema(
            json.putObject("spec"),
            "defines auth params required for connecting to " + spec.label());
    ObjectNode properties = schema.putObject("properties");
    for (String param : auth.params()) {
      ObjectNode property = properties.putObject(param);
      property.put("type", auth.typeOf(param));
      String owner = spec.id().equals(ConnectionSpecs.HUBSPOT_ID) ? " app." : " account.";
      property.put("description", "The " + param + " of your " + spec.label() + owner);
      if (auth.secrets().contains(param)) {
        property.put("format", "password");
      }
    }
    ArrayNode required = schema.putArray("required");
    auth.required().forEach(required::add);
    return json;
  }

  private static ObjectNode schema(ObjectNode spec, String description) {
    spec.put("$schema", DRAFT_07);
    spec.put("type", "object");
    spec.put("description", description);
    return spec;
  }
}
