package dev.flowform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * A source connection's body: {@code name}, {@code baseConnectionId} (an existing base connection
 * of the sandbox), {@code connectionSpec} (that connection's spec; version defaults to its
 * version), {@code data.format}, {@code params} (what its connector's {@code sourceSpec} requires:
 * {@code path} for HubSpot, like {@code Hubspot.Contacts}), {@code description} optional. A PATCH
 * changes only name and description: the rest is replaced, never updated.
 */
final class SourceConnectionRules implements KindRules {
  private static final Set<String> FIELDS =
      Set.of("name", "description", "baseConnectionId", "connectionSpec", "data", "params");
  private static final Set<String> UPDATABLE = Set.of("/name", "/description");
  private static final Set<String> FILTERS =
      Set.of("id", "name", "description", "state", "baseConnectionId", "connectionSpec.id");

  private final ObjectMapper mapper;

  SourceConnectionRules(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public ResourceKind kind() {
    return ResourceKind.SOURCE_CONNECTION;
  }

  @Override
  public Set<String> filterFields() {
    return FILTERS;
  }

  @Override
  public ObjectNode check(JsonNode request, Lookup lookup) {
    ObjectNode given = JsonFields.object(request);
    ObjectNode body = mapper.createObjectNode();
    body.put("name", JsonFields.required(given.get("name"), "source connection 'name'"));
    String description = JsonFields.optional(given.get("description"), "'description'");
    if (description != null) {
      body.put("description", description);
    }
    String baseId = JsonFields.required(given.get("baseConnectionId"), "'baseConnectionId'");
    EmulatedConnection base =
        lookup
            .baseConnection(baseId)
            .orElseThrow(() -> Errors.missingReference("base connection", baseId));
    body.put("baseConnectionId", baseId);
    JsonNode spec = given.path("connectionSpec");
    String specId = JsonFields.required(spec.get("id"), "'connectionSpec.id'");
    String version = JsonFields.optional(spec.get("version"), "'connectionSpec.version'");
    if (!specId.equals(base.connectionSpecId())
        || (version != null && !version.equals(base.connectionSpecVersion()))) {
      throw Errors.invalidSpec(specId + (version == null ? "" : "' version '" + version));
    }
    ObjectNode bodySpec = body.putObject("connectionSpec");
    bodySpec.put("id", specId);
    bodySpec.put("version", version == null ? base.connectionSpecVersion() : version);
    ObjectNode data = body.putObject("data");
    data.put("format", JsonFields.required(given.path("data").get("format"), "'data.format'"));
    JsonNode params = given.path("params");
    List<String> required =
        ConnectionSpecs.spec(specId).map(EmulatedSpec::requiredSourceParams).orElse(List.of());
    if (!params.isObject()) {
      throw Errors.invalidRequest(
          "The source connection's 'params' are required: " + String.join(", ", required) + ".");
    }
    for (String param : required) {
      JsonFields.required(params.get(param), "'params." + param + "'");
    }
    for (EmulatedSpec.SourceParam param :
        ConnectionSpecs.spec(specId).map(EmulatedSpec::sourceParams).orElse(List.of())) {
      JsonNode value = params.get(param.name());
      if (value != null && !JsonTypes.fits(value, param.type())) {
        throw Errors.invalidRequest(
            "The source param '" + param.name() + "' must be " + param.type() + ".");
      }
    }
    body.set("params", params.deepCopy());
    return body;
  }

  @Override
  public ObjectNode patch(EmulatedResource current, JsonNode patch, Lookup lookup) {
    ObjectNode patched =
        ResourcePatch.apply(current.json(mapper), patch, UPDATABLE::contains, FIELDS);
    return check(patched, lookup);
  }
}
