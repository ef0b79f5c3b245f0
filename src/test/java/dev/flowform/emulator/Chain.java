package dev.flowform.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Request bodies of the HubSpot pipeline, and a helper that creates one link after the other
 * through the API (each step asserting its success), for tests.
 */
final class Chain {
  static final String SCHEMA = "https://ns.adobe.com/acme/schemas/3a1f0c";
  static final String OTHER_SCHEMA = "https://ns.adobe.com/acme/schemas/99ffee";
  static final String CRM_TO_AEP = "14518937-270c-4525-bdec-c2ba7cce3860";
  static final String DATA_LAKE = "c604ff05-7f1a-43c0-8e18-33bf874cb11c";

  private final Api api;

  Chain(Api api) {
    this.api = api;
  }

  static String source(String name, String baseId) {
    return """
        {"name": "%s", "baseConnectionId": "%s",
         "connectionSpec": {"id": "%s", "version": "1.0"},
         "data": {"format": "tabular"}, "params": {"path": "Hubspot.Contacts"}}
        """
        .formatted(name, baseId, Api.HUBSPOT);
  }

  static String target(String name, String schema) {
    return """
        {"name": "%s", "connectionSpec": {"id": "%s", "version": "1.0"},
         "data": {"format": "parquet_xdm", "schema": {"id": "%s",
           "version": "application/vnd.adobe.xed-full+json;version=1"}},
         "params": {"dataSetId": "5ed5639d798a22191b6987b2"}}
        """
        .formatted(name, DATA_LAKE, schema);
  }

  static String mapping(String schema, String destination) {
    return """
        {"outputSchema": {"schemaRef": {"id": "%s",
           "contentType": "application/vnd.adobe.xed-full+json;version=1"}},
         "mappings": [{"sourceType": "ATTRIBUTE", "source": "Vid", "destination": "%s"},
           {"sourceType": "EXPRESSION", "source": "lower(Properties_Email_Value)",
            "destination": "personalEmail.address"}]}
        """
        .formatted(schema, destination);
  }

  /** A flow body; {@code schedule} is the {@code scheduleParams} object. */
  static String flow(
      String name, String sourceId, String targetId, String mappingId, String schedule) {
    return """
        {"name": "%s", "flowSpec": {"id": "%s", "version": "1.0"},
         "sourceConnectionIds": ["%s"], "targetConnectionIds": ["%s"],
         "transformations": [
           {"name": "Copy", "params": {"deltaColumn": {"name": "updatedAt"}}},
           {"name": "Mapping", "params": {"mappingId": "%s", "mappingVersion": 0}}],
         "scheduleParams": %s}
        """
        .formatted(name, CRM_TO_AEP, sourceId, targetId, mappingId, schedule);
  }

  static String hourlyFrom(long startTime) {
    return "{\"startTime\": %d, \"frequency\": \"hour\", \"interval\": 1}".formatted(startTime);
  }

  /** The ids of a whole chain: base and source connection, target, mapping set, flow. */
  record Ids(String base, String source, String target, String mapping, String flow) {}

  String created(String path, String body) {
    Api.Answer answer = api.post(path, body);
    assertEquals(201, answer.status(), answer.raw().body());
    return answer.json().get("id").asText();
  }

  String mappingSet(String schema) {
    Api.Answer answer = api.dataPrep().post("/mappingSets", mapping(schema, "_id"));
    assertEquals(200, answer.status(), answer.raw().body());
    return answer.json().get("id").asText();
  }

  /** Creates a whole chain whose flow is named {@code name}, starting at {@code startTime}. */
  Ids build(String name, long startTime) {
    String base = api.create(name + " base").json().get("id").asText();
    String source = created("/sourceConnections", source(name + " source", base));
    String target = created("/targetConnections", target(name + " target", SCHEMA));
    String mapping = mappingSet(SCHEMA);
    String flow = created("/flows", flow(name, source, target, mapping, hourlyFrom(startTime)));
    return new Ids(base, source, target, mapping, flow);
  }
}
