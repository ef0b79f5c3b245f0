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
final class SourceConnectionRules implements ConnectionKindRules.Body {
  private static final Set<String> FIELDS =
      Set.of("name", "description", "baseConnectionId", "connectionSpec", "data", "params");
  private static final Set<String> FILTERS =
      Set.of("id", "name", "description", "state", "baseConnectionId", "connectionSpec.id");

  private final ObjectMapper mapper;

  private SourceConnectionRules(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The rules of the {@code /sourceConnections} collection. */
  static KindRules of(ObjectMapper mapper) {
    return new ConnectionKindRules(
        ResourceKind.SOURCE_CONNECTION, FIELDS, FILTERS, mapper, new SourceConnectionRules(mapper));
  }

  @Override
  public ObjectNode check(JsonNode request, Lookup lookup) {
    ObjectNode given = JsonFields.object(request);
    ObjectNode body = ConnectionKindRules.named(mapper, given, "source connection");
    String baseId = JsonFields.required(given.get("baseConnectionId"), "'baseConnectionId'");
    EmulatedConnection base =
        lookup
            .baseConnection(baseId)
            .orElseThrow(() -> Errors.missingReference("base connection", baseId));
    body.put("baseConnectionId", baseId);
    ConnectionKindRules.putSpec(body, given, base.connectionSpecId(), base.connectionSpecVersion());
    String specId = base.connectionSpecId();
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
}
