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
final class TargetConnectionRules implements KindRules {
  private static final Set<String> FIELDS =
      Set.of("name", "description", "connectionSpec", "data", "params");
  private static final Set<String> UPDATABLE = Set.of("/name", "/description");
  private static final Set<String> FILTERS =
      Set.of("id", "name", "description", "state", "connectionSpec.id", "params.dataSetId");

  private final ObjectMapper mapper;

  TargetConnectionRules(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public ResourceKind kind() {
    return ResourceKind.TARGET_CONNECTION;
  }

  @Override
  public Set<String> filterFields() {
    return FILTERS;
  }

  @Override
  public ObjectNode check(JsonNode request, Lookup lookup) {
    ObjectNode given = JsonFields.object(request);
    ObjectNode body = mapper.createObjectNode();
    body.put("name", JsonFields.required(given.get("name"), "target connection 'name'"));
    String description = JsonFields.optional(given.get("description"), "'description'");
    if (description != null) {
      body.put("description", description);
    }
    JsonNode spec = given.path("connectionSpec");
    String specId = JsonFields.required(spec.get("id"), "'connectionSpec.id'");
    String version = JsonFields.optional(spec.get("version"), "'connectionSpec.version'");
    if (!specId.equals(FlowSpecs.DATA_LAKE_ID)
        || (version != null && !version.equals(FlowSpecs.DATA_LAKE_VERSION))) {
      throw Errors.invalidSpec(specId + (version == null ? "" : "' version '" + version));
    }
    ObjectNode bodySpec = body.putObject("connectionSpec");
    bodySpec.put("id", specId);
    bodySpec.put("version", FlowSpecs.DATA_LAKE_VERSION);
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

  @Override
  public ObjectNode patch(EmulatedResource current, JsonNode patch, Lookup lookup) {
    ObjectNode patched =
        ResourcePatch.apply(current.json(mapper), patch, UPDATABLE::contains, FIELDS);
    return check(patched, lookup);
  }
}
