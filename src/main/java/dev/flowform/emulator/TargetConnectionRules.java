package dev.flowform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * A target connection's body: {@code name}, {@code connectionSpec} (the Data Lake's, {@value
 * FlowSpecs#DATA_LAKE_ID}, version 1.0 by default), {@code data.schema.id} (the dataset's XDM
 * schema; {@code data.schema.version} and {@code data.format} optional), {@code params.dataSetId};
 * {@code description} optional. Datasets and schemas are not the emulator's: any id is taken. A
 * PATCH changes only name and description.
 */
final class TargetConnectionRules implements ConnectionKindRules.Body {
  private static final Set<String> FIELDS =
      Set.of("name", "description", "connectionSpec", "data", "params");
  private static final Set<String> FILTERS =
      Set.of("id", "name", "description", "state", "connectionSpec.id", "params.dataSetId");

  private final ObjectMapper mapper;

  private TargetConnectionRules(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The rules of the {@code /targetConnections} collection. */
  static KindRules of(ObjectMapper mapper) {
    return new ConnectionKindRules(
        ResourceKind.TARGET_CONNECTION, FIELDS, FILTERS, mapper, new TargetConnectionRules(mapper));
  }

  @Override
  public ObjectNode check(JsonNode request, Lookup lookup) {
    ObjectNode given = JsonFields.object(request);
    ObjectNode body = ConnectionKindRules.named(mapper, given, "target connection");
    ConnectionKindRules.putSpec(body, given, FlowSpecs.DATA_LAKE_ID, FlowSpecs.DATA_LAKE_VERSION);
    JsonNode data = given.path("data");
    ObjectNode bodyData = body.putObject("data");
    String format = JsonFields.optional(data.get("format"), "'data.format'");
    if (format != null) {
      bodyData.put("format", format);
    }
    JsonNode schema = data.path("schema");
    ObjectNode bodySchema = bodyData.putObject("schema");
    bodySchema.put("id", JsonFields.required(schema.get("id"), "'data.schema.id'"));
    String schemaVersion = JsonFields.optional(schema.get("version"), "'data.schema.version'");
    if (schemaVersion != null) {
      bodySchema.put("version", schemaVersion);
    }
    JsonNode params = given.path("params");
    JsonFields.required(params.get("dataSetId"), "'params.dataSetId'");
    body.set("params", params.deepCopy());
    return body;
  }
}
