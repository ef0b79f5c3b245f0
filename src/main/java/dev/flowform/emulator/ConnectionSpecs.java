package dev.flowform.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The connection specs the emulator knows: HubSpot's. */
final class ConnectionSpecs {
  static final String HUBSPOT_ID = "cc6a4487-9e91-433e-a3a3-9cf6626c1806";
  static final String HUBSPOT_VERSION = "1.0";
  static final AuthSpec HUBSPOT_BASIC =
      new AuthSpec(
          "Basic Authentication",
          "BasicAuthentication",
          List.of("clientId", "clientSecret", "accessToken", "refreshToken"),
          Set.of("clientSecret", "accessToken", "refreshToken"));

  private static final String PROVIDER_ID = "0ed90a81-07f4-4586-8190-b40eccef1c5a";

  private ConnectionSpecs() {}

  /** Whether a connection may use this spec id and version ({@code null} version: the latest). */
  static boolean known(String id, String version) {
    return HUBSPOT_ID.equals(id) && (version == null || HUBSPOT_VERSION.equals(version));
  }

  /** The auth spec of that name in that spec. */
  static Optional<AuthSpec> authSpec(String specId, String name) {
    return HUBSPOT_ID.equals(specId) && HUBSPOT_BASIC.name().equals(name)
        ? Optional.of(HUBSPOT_BASIC)
        : Optional.empty();
  }

  /** The secret params of connections of that spec and auth spec. */
  static Set<String> secrets(String specId, String authSpecName) {
    return authSpec(specId, authSpecName).map(AuthSpec::secrets).orElse(Set.of());
  }

  /** The item of every spec, as {@code GET /connectionSpecs} lists them. */
  static List<ObjectNode> items(ObjectMapper mapper) {
    return List.of(hubspot(mapper));
  }

  /** {@code GET /connectionSpecs/{id}}'s item, empty for an unknown spec. */
  static Optional<ObjectNode> item(String id, ObjectMapper mapper) {
    return HUBSPOT_ID.equals(id) ? Optional.of(hubspot(mapper)) : Optional.empty();
  }

  private static ObjectNode hubspot(ObjectMapper mapper) {
    ObjectNode item = mapper.createObjectNode();
    item.put("id", HUBSPOT_ID);
    item.put("name", "hubspot");
    item.put("providerId", PROVIDER_ID);
    item.put("version", HUBSPOT_VERSION);
    ObjectNode attributes = item.putObject("attributes");
    attributes.put("category", "CRM");
    attributes.put("connectorName", "HubSpot");
    attributes.put("isSource", true);
    item.putArray("authSpec").add(authSpecJson(HUBSPOT_BASIC, mapper));
    return item;
  }

  private static ObjectNode authSpecJson(AuthSpec auth, ObjectMapper mapper) {
    ObjectNode json = mapper.createObjectNode();
    json.put("name", auth.name());
    json.put("type", auth.type());
    ObjectNode spec = json.putObject("spec");
    spec.put("$schema", "http://json-schema.org/draft-07/schema#");
    spec.put("type", "object");
    spec.put("description", "defines auth params required for connecting to HubSpot");
    ObjectNode properties = spec.putObject("properties");
    for (String param : auth.params()) {
      ObjectNode property = properties.putObject(param);
      property.put("type", "string");
      property.put("description", "The " + param + " of your HubSpot app.");
      if (auth.secrets().contains(param)) {
        property.put("format", "password");
      }
    }
    ArrayNode required = spec.putArray("required");
    auth.params().forEach(required::add);
    return json;
  }
}
