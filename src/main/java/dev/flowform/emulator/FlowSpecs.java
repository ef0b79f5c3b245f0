package dev.flowform.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The flow specs the emulator knows: {@code CRMToAEP}, from HubSpot, Salesforce or Snowflake into
 * the Data Lake, and {@code CloudStorageToAEP}, from Amazon S3. To add a spec, add a {@link
 * FlowSpec} to {@link #ALL}: {@code GET /flowSpecs} lists it and flows may use it with the
 * connections it names.
 */
final class FlowSpecs {
  static final String CRM_TO_AEP_ID = "14518937-270c-4525-bdec-c2ba7cce3860";
  static final String CLOUD_STORAGE_TO_AEP_ID = "9753525b-82c7-4dce-8a9b-5ccfce2b9876";
  static final String DATA_LAKE_ID = "c604ff05-7f1a-43c0-8e18-33bf874cb11c";
  static final String DATA_LAKE_VERSION = "1.0";

  /**
   * One flow spec.
   *
   * @param needsDeltaColumn whether its flows must give the Copy transformation a {@code
   *     deltaColumn} (CRM and database sources, OpenAPI description of {@code POST /flows})
   */
  record FlowSpec(
      String id,
      String name,
      String version,
      String providerId,
      List<String> sourceConnectionSpecIds,
      List<String> targetConnectionSpecIds,
      boolean needsDeltaColumn) {
    FlowSpec {
      sourceConnectionSpecIds = List.copyOf(sourceConnectionSpecIds);
      targetConnectionSpecIds = List.copyOf(targetConnectionSpecIds);
    }
  }

  static final List<FlowSpec> ALL =
      List.of(
          new FlowSpec(
              CRM_TO_AEP_ID,
              "CRMToAEP",
              "1.0",
              "0ed90a81-07f4-4586-8190-b40eccef1c5a",
              List.of(
                  ConnectionSpecs.HUBSPOT_ID,
                  ConnectionSpecs.SALESFORCE_ID,
                  ConnectionSpecs.SNOWFLAKE_ID),
              List.of(DATA_LAKE_ID),
              true),
          new FlowSpec(
              CLOUD_STORAGE_TO_AEP_ID,
              "CloudStorageToAEP",
              "1.0",
              "0ed90a81-07f4-4586-8190-b40eccef1c5a",
              List.of(ConnectionSpecs.S3_ID),
              List.of(DATA_LAKE_ID),
              false));

  private FlowSpecs() {}

  static Optional<FlowSpec> find(String id) {
    return ALL.stream().filter(spec -> spec.id().equals(id)).findFirst();
  }

  /** A spec as {@code GET /flowSpecs} shows it. */
  static ObjectNode item(FlowSpec spec, ObjectMapper mapper) {
    ObjectNode item = mapper.createObjectNode();
    item.put("id", spec.id());
    item.put("name", spec.name());
    item.put("providerId", spec.providerId());
    item.put("version", spec.version());
    ObjectNode attributes = item.putObject("attributes");
    attributes.put("isSourceFlow", true);
    attributes.put("flacValidationSupported", false);
    ArrayNode sources = item.putArray("sourceConnectionSpecIds");
    spec.sourceConnectionSpecIds().forEach(sources::add);
    ArrayNode targets = item.putArray("targetConnectionSpecIds");
    spec.targetConnectionSpecIds().forEach(targets::add);
    ArrayNode transformations = item.putArray("transformationSpecs");
    transformations.add(copySpec(mapper));
    transformations.add(mappingSpec(mapper));
    item.set("scheduleSpec", scheduleSpec(mapper));
    ObjectNode runSpec = item.putObject("runSpec");
    runSpec.put("name", "ProviderParams");
    ObjectNode runSchema = schema(runSpec.putObject("spec"), "Provider run parameters.");
    runSchema.putObject("properties");
    return item;
  }

  private static ObjectNode copySpec(ObjectMapper mapper) {
    ObjectNode copy = mapper.createObjectNode();
    copy.put("name", "Copy");
    ObjectNode spec = schema(copy.putObject("spec"), "Specifies the delta column.");
    ObjectNode delta = spec.putObject("properties").putObject("deltaColumn");
    delta.put("type", "object");
    ObjectNode fields = delta.putObject("properties");
    fields.putObject("name").put("type", "string");
    ObjectNode format = fields.putObject("dateFormat");
    format.put("type", "string");
    format.put("default", "YYYY-MM-DD");
    ObjectNode zone = fields.putObject("timezone");
    zone.put("type", "string");
    zone.put("default", "UTC");
    delta.putArray("required").add("name");
    spec.putArray("required").add("deltaColumn");
    return copy;
  }

  private static ObjectNode mappingSpec(ObjectMapper mapper) {
    ObjectNode mapping = mapper.createObjectNode();
    mapping.put("name", "Mapping");
    ObjectNode spec = schema(mapping.putObject("spec"), "Specifies the mapping set to apply.");
    ObjectNode properties = spec.putObject("properties");
    properties.putObject("mappingId").put("type", "string");
    properties.putObject("mappingVersion").put("type", "string");
    spec.putArray("required").add("mappingId").add("mappingVersion");
    return mapping;
  }

  /** The JSON Schema of {@code scheduleParams}: the rules {@link Schedule} enforces. */
  private static ObjectNode scheduleSpec(ObjectMapper mapper) {
    ObjectNode scheduleSpec = mapper.createObjectNode();
    scheduleSpec.put("name", "PeriodicSchedule");
    scheduleSpec.put("type", "Periodic");
    ObjectNode spec = schema(scheduleSpec.putObject("spec"), "Defines a periodic schedule.");
    ObjectNode properties = spec.putObject("properties");
    ObjectNode start = properties.putObject("startTime");
    start.put("type", "integer");
    start.put("description", "Epoch time in seconds of the first run.");
    ObjectNode frequency = properties.putObject("frequency");
    frequency.put("type", "string");
    ArrayNode frequencies = frequency.putArray("enum");
    List.of("once", "minute", "hour", "day", "week").forEach(frequencies::add);
    ObjectNode interval = properties.putObject("interval");
    interval.put("type", "integer");
    interval.put("description", "Frequency units between two runs.");
    ObjectNode backfill = properties.putObject("backfill");
    backfill.put("type", "boolean");
    backfill.put("default", true);
    spec.putArray("required").add("startTime").add("frequency");
    ArrayNode rules = spec.putArray("allOf");
    rules.add(rule(mapper, "minute", "interval", 15));
    ObjectNode once = rules.addObject();
    once.putObject("if").putObject("properties").putObject("frequency").put("const", "once");
    ArrayNode forbidden = once.putObject("then").putObject("not").putArray("anyOf");
    forbidden.addObject().putArray("required").add("interval");
    forbidden.addObject().putArray("required").add("backfill");
    ObjectNode others = rules.addObject();
    ObjectNode notMinute = others.putObject("if").putObject("properties").putObject("frequency");
    notMinute.putArray("enum").add("hour").add("day").add("week");
    others.putObject("then").putObject("properties").putObject("interval").put("minimum", 1);
    return scheduleSpec;
  }

  private static ObjectNode rule(ObjectMapper mapper, String frequency, String field, int min) {
    ObjectNode rule = mapper.createObjectNode();
    rule.putObject("if").putObject("properties").putObject("frequency").put("const", frequency);
    rule.putObject("then").putObject("properties").putObject(field).put("minimum", min);
    return rule;
  }

  private static ObjectNode schema(ObjectNode spec, String description) {
    spec.put("$schema", "http://json-schema.org/draft-07/schema#");
    spec.put("type", "object");
    spec.put("description", description);
    return spec;
  }
}
