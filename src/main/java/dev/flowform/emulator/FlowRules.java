package dev.flowform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A flow's body: {@code name}, {@code flowSpec} (a known spec; version defaults to its own), {@code
 * sourceConnectionIds} and {@code targetConnectionIds} (existing connections of the spec's
 * connection specs), {@code transformations} (a Copy with a {@code deltaColumn} when the spec needs
 * one; a Mapping's {@code mappingId} and {@code mappingVersion} must name an existing mapping set
 * version whose schema is every target connection's, else {@code 1425-400}), {@code scheduleParams}
 * (see {@link Schedule}), {@code description} optional. A create that sends {@code state} is
 * refused ({@code 1410-400}). A PATCH may change name, description, {@code scheduleParams} (not a
 * {@code startTime} already past) and {@code transformations}.
 */
final class FlowRules implements KindRules {
  private static final Set<String> FIELDS =
      Set.of(
          "name",
          "description",
          "flowSpec",
          "sourceConnectionIds",
          "targetConnectionIds",
          "transformations",
          "scheduleParams",
          "state",
          "lastOperation");
  private static final Set<String> FILTERS =
      Set.of("id", "name", "description", "state", "flowSpec.id");

  private final ObjectMapper mapper;
  private final Clock clock;

  FlowRules(ObjectMapper mapper, Clock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  @Override
  public ResourceKind kind() {
    return ResourceKind.FLOW;
  }

  @Override
  public Set<String> filterFields() {
    return FILTERS;
  }

  @Override
  public ObjectNode check(JsonNode request, Lookup lookup) {
    ObjectNode given = JsonFields.object(request);
    if (given.has("state")) {
      throw Errors.stateAtCreate();
    }
    ObjectNode body = checked(given, lookup);
    body.set("lastOperation", lastOperation("create"));
    return body;
  }

  @Override
  public ObjectNode patch(EmulatedResource current, JsonNode patch, Lookup lookup) {
    ObjectNode before = current.json(mapper);
    ObjectNode patched = ResourcePatch.apply(before, patch, FlowRules::updatable, FIELDS);
    JsonNode oldStart = before.path("scheduleParams").path("startTime");
    JsonNode newStart = patched.path("scheduleParams").path("startTime");
    long now = clock.instant().getEpochSecond();
    if (!Objects.equals(oldStart.asText(), newStart.asText())
        && JsonFields.number(oldStart, "startTime").orElse(Long.MAX_VALUE) <= now) {
      throw Errors.invalidRequest("The scheduleParams.startTime cannot change once it has passed.");
    }
    ObjectNode body = checked(patched, lookup);
    body.set("lastOperation", lastOperation("update"));
    return body;
  }

  /** The same body after an action ({@code enable}, {@code disable}). */
  ObjectNode acted(EmulatedResource current, String operation) {
    ObjectNode body = current.json(mapper);
    body.set("lastOperation", lastOperation(operation));
    return body;
  }

  private static boolean updatable(String path) {
    return path.equals("/name")
        || path.equals("/description")
        || path.equals("/scheduleParams")
        || path.startsWith("/scheduleParams/")
        || path.equals("/transformations")
        || path.startsWith("/transformations/");
  }

  private ObjectNode checked(ObjectNode given, Lookup lookup) {
    ObjectNode body = mapper.createObjectNode();
    body.put("name", JsonFields.required(given.get("name"), "flow 'name'"));
    String description = JsonFields.optional(given.get("description"), "'description'");
    if (description != null) {
      body.put("description", description);
    }
    String specId = JsonFields.required(given.path("flowSpec").get("id"), "'flowSpec.id'");
    FlowSpecs.FlowSpec spec =
        FlowSpecs.find(specId).orElseThrow(() -> Errors.missingReference("flow spec", specId));
    String version = JsonFields.optional(given.path("flowSpec").get("version"), "'version'");
    if (version != null && !version.equals(spec.version())) {
      throw Errors.missingReference("flow spec", specId + "' version '" + version);
    }
    body.putObject("flowSpec").put("id", specId).put("version", spec.version());
    List<EmulatedResource> sources =
        connections(given, "sourceConnectionIds", ResourceKind.SOURCE_CONNECTION, lookup);
    List<EmulatedResource> targets =
        connections(given, "targetConnectionIds", ResourceKind.TARGET_CONNECTION, lookup);
    fits(sources, spec.sourceConnectionSpecIds(), spec);
    fits(targets, spec.targetConnectionSpecIds(), spec);
    ArrayNode sourceIds = body.putArray("sourceConnectionIds");
    sources.forEach(s -> sourceIds.add(s.id()));
    ArrayNode targetIds = body.putArray("targetConnectionIds");
    targets.forEach(t -> targetIds.add(t.id()));
    body.set("transformations", transformations(given, spec, targets, lookup));
    Schedule.of(given.get("scheduleParams"));
    body.set("scheduleParams", given.get("scheduleParams").deepCopy());
    return body;
  }

  private List<EmulatedResource> connections(
      ObjectNode given, String field, ResourceKind kind, Lookup lookup) {
    JsonNode ids = given.get(field);
    if (ids == null || !ids.isArray() || ids.isEmpty()) {
      throw Errors.invalidRequest("The flow's '" + field + "' are required.");
    }
    List<String> texts = References.texts(ids);
    for (JsonNode id : ids) {
      if (!id.isTextual()) {
        throw Errors.invalidRequest("The flow's '" + field + "' must be ids.");
      }
    }
    return texts.stream().map(id -> lookup.existing(kind, id)).toList();
  }

  private void fits(
      List<EmulatedResource> connections, List<String> specIds, FlowSpecs.FlowSpec s) {
    for (EmulatedResource connection : connections) {
      String specId = connection.json(mapper).path("connectionSpec").path("id").asText();
      if (!specIds.contains(specId)) {
        throw Errors.invalidRequest(
            "The "
                + connection.kind().label()
                + " '"
                + connection.id()
                + "' has connection spec '"
                + specId
                + "', which the flow spec '"
                + s.name()
                + "' does not take.");
      }
    }
  }

  private ArrayNode transformations(
      ObjectNode given, FlowSpecs.FlowSpec spec, List<EmulatedResource> targets, Lookup lookup) {
    JsonNode list = given.get("transformations");
    if (list != null && !list.isNull() && !list.isArray()) {
      throw Errors.invalidRequest("The flow's 'transformations' must be an array.");
    }
    ArrayNode checked = mapper.createArrayNode();
    boolean delta = false;
    for (JsonNode transformation : list == null ? mapper.createArrayNode() : list) {
      String name = JsonFields.required(transformation.get("name"), "transformation 'name'");
      if (!transformation.path("params").isObject()) {
        throw Errors.invalidRequest("The transformation '" + name + "' needs its 'params'.");
      }
      if (name.toLowerCase(Locale.ROOT).equals("copy")) {
        JsonFields.required(
            transformation.path("params").path("deltaColumn").get("name"),
            "Copy transformation's 'deltaColumn.name'");
        delta = true;
      }
      if (References.mappingId(transformation).isPresent()) {
        mapping(transformation, targets, lookup);
      } else if (name.toLowerCase(Locale.ROOT).equals("mapping")) {
        throw Errors.invalidRequest("The Mapping transformation needs its 'mappingId'.");
      }
      checked.add(transformation.deepCopy());
    }
    if (spec.needsDeltaColumn() && !delta) {
      throw Errors.invalidRequest(
          "The flow spec '"
              + spec.name()
              + "' needs a Copy transformation with a 'deltaColumn' in its params.");
    }
    return checked;
  }

  private void mapping(JsonNode transformation, List<EmulatedResource> targets, Lookup lookup) {
    String id = References.mappingId(transformation).orElseThrow();
    EmulatedResource mappingSet = lookup.existing(ResourceKind.MAPPING_SET, id);
    long version =
        JsonFields.number(transformation.path("params").get("mappingVersion"), "mappingVersion")
            .orElse(mappingSet.version());
    if (version < 0 || version > mappingSet.version()) {
      throw Errors.missingReference("mapping set", id + "' version '" + version);
    }
    String schema =
        mappingSet
            .json((int) version, mapper)
            .path("outputSchema")
            .path("schemaRef")
            .path("id")
            .asText();
    for (EmulatedResource target : targets) {
      String targetSchema = target.json(mapper).path("data").path("schema").path("id").asText();
      if (!schema.equals(targetSchema)) {
        throw Errors.schemaMismatch(schema, targetSchema);
      }
    }
  }

  private ObjectNode lastOperation(String operation) {
    ObjectNode last = mapper.createObjectNode();
    long now = clock.millis();
    last.put("started", now);
    last.put("updated", now);
    last.put("operation", operation);
    last.put("status", "success");
    return last;
  }
}
