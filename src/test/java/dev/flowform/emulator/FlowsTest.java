package dev.flowform.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowform.testing.HandClock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FlowsTest {
  private static final long NOW = Instant.parse("2026-11-28T10:00:00Z").getEpochSecond();
  private static final long TOMORROW = NOW + 86_400;

  private FlowServiceEmulator emulator;
  private Api api;
  private Chain chain;
  private String source;
  private String target;
  private String mapping;

  @BeforeEach
  void start() {
    emulator =
        FlowServiceEmulator.start(
            EmulatorConfig.builder().clock(HandClock.at("2026-11-28T10:00:00Z")).build());
    api = Api.signedIn(emulator, "client-a", "dev");
    chain = new Chain(api);
    String base = api.create("HubSpot").json().get("id").asText();
    source = chain.created("/sourceConnections", Chain.source("contacts", base));
    target = chain.created("/targetConnections", Chain.target("lake", Chain.SCHEMA));
    mapping = chain.mappingSet(Chain.SCHEMA);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private String flow(String schedule) {
    return Chain.flow("contacts hourly", source, target, mapping, schedule);
  }

  @Test
  void aFlowIsCreatedEnabledWithItsConnectionsTransformationsAndSchedule() {
    Api.Answer created = api.post("/flows", flow(Chain.hourlyFrom(TOMORROW)));
    assertEquals(201, created.status(), created.raw().body());
    String id = created.json().get("id").asText();
    assertTrue(created.header("Location").endsWith("/flows/" + id));
    JsonNode item = api.get("/flows/" + id).json().get("items").get(0);
    assertEquals("contacts hourly", item.get("name").asText());
    assertEquals("enabled", item.get("state").asText());
    assertEquals(Chain.CRM_TO_AEP, item.at("/flowSpec/id").asText());
    assertEquals(source, item.at("/sourceConnectionIds/0").asText());
    assertEquals(target, item.at("/targetConnectionIds/0").asText());
    assertEquals("updatedAt", item.at("/transformations/0/params/deltaColumn/name").asText());
    assertEquals(mapping, item.at("/transformations/1/params/mappingId").asText());
    assertEquals("hour", item.at("/scheduleParams/frequency").asText());
    assertEquals(TOMORROW, item.at("/scheduleParams/startTime").asLong());
    assertEquals("/runs?property=flowId==" + id, item.get("runs").asText());
    assertEquals("create", item.at("/lastOperation/operation").asText());
    assertEquals(created.json().get("etag"), item.get("etag"));
  }

  @Test
  void sendingStateInAFlowCreateIs1410() {
    String body = flow(Chain.hourlyFrom(TOMORROW)).replaceFirst("\\{", "{\"state\": \"enabled\",");
    assertEquals("1410-400", api.post("/flows", body).errorCode());
    assertTrue(emulator.resources(ResourceKind.FLOW, "dev").isEmpty());
  }

  @Test
  void aFlowNamingAMissingConnectionFlowSpecOrMappingSetIs400() {
    String schedule = Chain.hourlyFrom(TOMORROW);
    assertEquals(
        400, api.post("/flows", Chain.flow("f", "nope", target, mapping, schedule)).status());
    assertEquals(
        400, api.post("/flows", Chain.flow("f", source, "nope", mapping, schedule)).status());
    assertEquals(
        400, api.post("/flows", Chain.flow("f", source, target, "nope", schedule)).status());
    String otherSpec =
        flow(schedule).replace(Chain.CRM_TO_AEP, "9753525b-82c7-4dce-8a9b-5ccfce2b9876");
    assertEquals(400, api.post("/flows", otherSpec).status());
    String sourceAsTarget = Chain.flow("f", source, source, mapping, schedule);
    assertEquals(400, api.post("/flows", sourceAsTarget).status());
    assertTrue(emulator.resources(ResourceKind.FLOW, "dev").isEmpty());
  }

  @Test
  void aMappingSetOfAnotherSchemaThanTheTargetsIs1425() {
    String other = chain.mappingSet(Chain.OTHER_SCHEMA);
    Api.Answer answer =
        api.post("/flows", Chain.flow("f", source, target, other, Chain.hourlyFrom(TOMORROW)));
    assertEquals("1425-400", answer.errorCode());
  }

  @Test
  void aCrmFlowWithoutADeltaColumnIsRefused() {
    String body = flow(Chain.hourlyFrom(TOMORROW)).replace("deltaColumn", "column");
    assertEquals(400, api.post("/flows", body).status());
  }

  @Test
  void theScheduleFollowsTheFlowSpecsRules() {
    String once = "{\"startTime\": %d, \"frequency\": \"once\"}".formatted(TOMORROW);
    assertEquals(201, api.post("/flows", flow(once)).status());
    String onceWithInterval =
        "{\"startTime\": %d, \"frequency\": \"once\", \"interval\": 1}".formatted(TOMORROW);
    assertEquals(400, api.post("/flows", flow(onceWithInterval)).status());
    String tenMinutes =
        "{\"startTime\": %d, \"frequency\": \"minute\", \"interval\": 10}".formatted(TOMORROW);
    assertEquals(400, api.post("/flows", flow(tenMinutes)).status());
    String asStrings =
        "{\"startTime\": \"%d\", \"frequency\": \"minute\", \"interval\": \"15\"}"
            .formatted(TOMORROW);
    assertEquals(201, api.post("/flows", flow(asStrings)).status());
    String monthly = "{\"startTime\": %d, \"frequency\": \"month\"}".formatted(TOMORROW);
    assertEquals(400, api.post("/flows", flow(monthly)).status());
    assertEquals(400, api.post("/flows", flow("{\"frequency\": \"hour\"}")).status());
  }

  @Test
  void aPatchChangesTheScheduleAndNameWithANewEtagAndKeepsTheId() {
    Api.Answer created = api.post("/flows", flow(Chain.hourlyFrom(TOMORROW)));
    String id = created.json().get("id").asText();
    String patch =
        """
        [{"op": "replace", "path": "/scheduleParams/interval", "value": 3},
         {"op": "replace", "path": "/name", "value": "contacts every 3 hours"},
         {"op": "add", "path": "/description", "value": "from HubSpot"}]
        """;
    Api.Answer patched =
        api.header("If-Match", created.json().get("etag").asText()).patch("/flows/" + id, patch);
    assertEquals(200, patched.status(), patched.raw().body());
    assertEquals(id, patched.json().get("id").asText());
    assertNotEquals(created.json().get("etag"), patched.json().get("etag"));
    JsonNode item = api.get("/flows/" + id).json().at("/items/0");
    assertEquals(3, item.at("/scheduleParams/interval").asInt());
    assertEquals("contacts every 3 hours", item.get("name").asText());
    assertEquals("from HubSpot", item.get("description").asText());
    assertEquals("update", item.at("/lastOperation/operation").asText());
  }

  @Test
  void aMappingChangeIsANewVersionThenAPatchOfTheMappingTransformation() {
    Api.Answer created = api.post("/flows", flow(Chain.hourlyFrom(TOMORROW)));
    String id = created.json().get("id").asText();
    Api.Answer put =
        api.dataPrep().put("/mappingSets/" + mapping, Chain.mapping(Chain.SCHEMA, "_id2"));
    assertEquals(1, put.json().get("version").asInt());
    String patch =
        """
        [{"op": "replace", "path": "/transformations/1",
          "value": {"name": "Mapping", "params": {"mappingId": "%s", "mappingVersion": "1"}}}]
        """
            .formatted(mapping);
    Api.Answer patched =
        api.header("If-Match", created.json().get("etag").asText()).patch("/flows/" + id, patch);
    assertEquals(200, patched.status(), patched.raw().body());
    JsonNode item = api.get("/flows/" + id).json().at("/items/0");
    assertEquals("1", item.at("/transformations/1/params/mappingVersion").asText());
    String tooNew = patch.replace("\"1\"", "\"2\"");
    assertEquals(
        400,
        api.header("If-Match", patched.json().get("etag").asText())
            .patch("/flows/" + id, tooNew)
            .status());
  }

  @Test
  void aPatchMayNotMoveAStartTimeAlreadyPastNorChangeTheConnections() {
    Api.Answer created = api.post("/flows", flow(Chain.hourlyFrom(NOW - 3_600)));
    String id = created.json().get("id").asText();
    api.header("If-Match", created.json().get("etag").asText());
    String move =
        "[{\"op\": \"replace\", \"path\": \"/scheduleParams/startTime\", \"value\": %d}]"
            .formatted(TOMORROW);
    assertEquals(400, api.patch("/flows/" + id, move).status());
    String sources =
        "[{\"op\": \"replace\", \"path\": \"/sourceConnectionIds\", \"value\": [\"x\"]}]";
    Api.Answer refused = api.patch("/flows/" + id, sources);
    assertEquals("1100-400", refused.errorCode());
    assertTrue(refused.json().get("errorMessage").asText().contains("cannot be updated"));
    String state = "[{\"op\": \"replace\", \"path\": \"/state\", \"value\": \"disabled\"}]";
    assertEquals(400, api.patch("/flows/" + id, state).status());
    String interval =
        "[{\"op\": \"replace\", \"path\": \"/scheduleParams/interval\", \"value\": 2}]";
    assertEquals(200, api.patch("/flows/" + id, interval).status());
  }

  @Test
  void theDisableAndEnableActionsSwitchStateWithANewEtagEachTime() {
    Api.Answer created = api.post("/flows", flow(Chain.hourlyFrom(TOMORROW)));
    String id = created.json().get("id").asText();
    Api bare = Api.signedIn(emulator, "client-a", "dev");
    Api.Answer disabled =
        bare.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(
                        emulator.flowServiceUrl() + "/flows/" + id + "/action?op=disable"))
                .headers(headersOf(bare))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
    assertEquals(200, disabled.status(), disabled.raw().body());
    assertEquals(id, disabled.json().get("id").asText());
    assertNotEquals(created.json().get("etag"), disabled.json().get("etag"));
    assertEquals("disabled", api.get("/flows/" + id).json().at("/items/0/state").asText());
    Api.Answer enabled = api.post("/flows/" + id + "/action?op=ENABLE", "");
    assertEquals(200, enabled.status());
    assertNotEquals(disabled.json().get("etag"), enabled.json().get("etag"));
    JsonNode item = api.get("/flows/" + id).json().at("/items/0");
    assertEquals("enabled", item.get("state").asText());
    assertEquals("enable", item.at("/lastOperation/operation").asText());
    assertEquals(400, api.post("/flows/" + id + "/action?op=explode", "").status());
    assertEquals(404, api.post("/flows/nope/action?op=disable", "").status());
    Api.Answer stale =
        api.header("If-Match", created.json().get("etag").asText())
            .post("/flows/" + id + "/action?op=disable", "");
    assertEquals("1404-412", stale.errorCode());
  }

  @Test
  void flowsListAndFilterByName() {
    api.post("/flows", flow(Chain.hourlyFrom(TOMORROW)));
    api.post("/flows", Chain.flow("other", source, target, mapping, Chain.hourlyFrom(TOMORROW)));
    JsonNode items = api.get("/flows?property=" + Api.encode("name==other")).json().get("items");
    assertEquals(1, items.size());
    assertEquals("other", items.get(0).get("name").asText());
    assertEquals(2, api.get("/flows").json().get("items").size());
  }

  @Test
  void aDeletedFlowIs404() {
    String id = chain.created("/flows", flow(Chain.hourlyFrom(TOMORROW)));
    assertEquals(204, api.delete("/flows/" + id).status());
    assertEquals(404, api.get("/flows/" + id).status());
  }

  private static String[] headersOf(Api api) {
    Api.Answer probe = api.get("/flowSpecs");
    assertEquals(200, probe.status());
    String token = probe.raw().request().headers().firstValue("Authorization").orElseThrow();
    return new String[] {
      "Authorization",
      token,
      "x-api-key",
      "client-a",
      "x-gw-ims-org-id",
      Api.ORG,
      "x-sandbox-name",
      "dev"
    };
  }
}
