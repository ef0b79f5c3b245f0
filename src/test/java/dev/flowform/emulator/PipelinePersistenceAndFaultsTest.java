package dev.flowform.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelinePersistenceAndFaultsTest {
  private static final long LATER = Instant.now().getEpochSecond() + 86_400;

  @TempDir Path dir;
  private final List<FlowServiceEmulator> started = new ArrayList<>();

  private FlowServiceEmulator start(EmulatorConfig config) {
    FlowServiceEmulator emulator = FlowServiceEmulator.start(config);
    started.add(emulator);
    return emulator;
  }

  @AfterEach
  void stop() {
    started.forEach(FlowServiceEmulator::close);
  }

  @Test
  void aPipelineSurvivesARestartWithItsIdsEtagsStatesAndMappingVersions() {
    EmulatorConfig config = EmulatorConfig.builder().dataFile(dir.resolve("dev.json")).build();
    Chain.Ids ids;
    String etag;
    try (FlowServiceEmulator emulator = FlowServiceEmulator.start(config)) {
      Api api = Api.signedIn(emulator, "client-a", "dev");
      ids = new Chain(api).build("contacts", LATER);
      api.dataPrep().put("/mappingSets/" + ids.mapping(), Chain.mapping(Chain.SCHEMA, "_id2"));
      etag =
          api.post("/flows/" + ids.flow() + "/action?op=disable", "").json().get("etag").asText();
    }
    FlowServiceEmulator emulator = start(config);
    Api api = Api.signedIn(emulator, "client-a", "dev");
    JsonNode flow = api.get("/flows/" + ids.flow()).json().at("/items/0");
    assertEquals(etag, flow.get("etag").asText());
    assertEquals("disabled", flow.get("state").asText());
    assertEquals(200, api.get("/sourceConnections/" + ids.source()).status());
    assertEquals(200, api.get("/targetConnections/" + ids.target()).status());
    JsonNode mapping = api.dataPrep().get("/mappingSets/" + ids.mapping()).json();
    assertEquals(1, mapping.get("version").asInt());
    assertEquals(
        "_id",
        api.dataPrep()
            .get("/mappingSets/" + ids.mapping() + "?version=0")
            .json()
            .at("/mappings/0/destination")
            .asText());
    assertEquals("1447-400", api.delete("/sourceConnections/" + ids.source()).errorCode());
    assertEquals("1418-400", api.delete("/connections/" + ids.base()).errorCode());
  }

  @Test
  void aDataFileOfTheFirstFormatStillLoads() throws IOException {
    Path file = dir.resolve("old.json");
    EmulatorConfig config = EmulatorConfig.builder().dataFile(file).build();
    String id;
    try (FlowServiceEmulator emulator = FlowServiceEmulator.start(config)) {
      id = Api.signedIn(emulator, "client-a", "dev").create("kept").json().get("id").asText();
    }
    String current = Files.readString(file);
    assertTrue(current.contains("\"formatVersion\":2"), current);
    String old =
        current
            .replace("\"formatVersion\":2", "\"formatVersion\":1")
            .replace(",\"resources\":[]", "");
    Files.writeString(file, old);
    FlowServiceEmulator emulator = start(config);
    assertEquals(200, Api.signedIn(emulator, "client-a", "dev").get("/connections/" + id).status());
  }

  @Test
  void aLostAnswerToAFlowCreateStillCreatesTheFlow() {
    FlowServiceEmulator emulator = start(EmulatorConfig.defaults());
    Api api = Api.signedIn(emulator, "client-a", "dev");
    Chain chain = new Chain(api);
    String base = api.create("HubSpot").json().get("id").asText();
    String source = chain.created("/sourceConnections", Chain.source("contacts", base));
    String target = chain.created("/targetConnections", Chain.target("lake", Chain.SCHEMA));
    String mapping = chain.mappingSet(Chain.SCHEMA);
    emulator.injectFaults(Operation.CREATE, FaultKind.TIMEOUT_AFTER_LANDING, 1);
    String flow = Chain.flow("f", source, target, mapping, Chain.hourlyFrom(LATER));
    assertEquals("1104-504", api.post("/flows", flow).errorCode());
    assertEquals(1, emulator.resources(ResourceKind.FLOW, "dev").size());
    emulator.injectFaults(Operation.CREATE, FaultKind.UNAVAILABLE, 1);
    assertEquals(503, api.post("/flows", flow).status());
    assertEquals(1, emulator.resources(ResourceKind.FLOW, "dev").size());
  }

  @Test
  void aLostAnswerToAMappingSetCreateStillCreatesItAndAThrottleCreatesNothing() {
    FlowServiceEmulator emulator = start(EmulatorConfig.defaults());
    Api prep = Api.signedIn(emulator, "client-a", "dev").dataPrep();
    emulator.injectFaults(Operation.CREATE, FaultKind.TIMEOUT_AFTER_LANDING, 1);
    assertEquals(504, prep.post("/mappingSets", Chain.mapping(Chain.SCHEMA, "_id")).status());
    emulator.injectFaults(Operation.CREATE, FaultKind.THROTTLED, 1);
    Api.Answer throttled = prep.post("/mappingSets", Chain.mapping(Chain.SCHEMA, "_id"));
    assertEquals(429, throttled.status());
    assertTrue(throttled.header("Retry-After") != null);
    assertEquals(1, emulator.resources(ResourceKind.MAPPING_SET, "dev").size());
  }

  @Test
  void aNewSourceConnectionIsMissingFromListsDuringTheSearchLagButReadableById() {
    FlowServiceEmulator emulator =
        start(
            EmulatorConfig.builder()
                .faults(Faults.none().withSearchLag(Duration.ofHours(1)))
                .build());
    Api api = Api.signedIn(emulator, "client-a", "dev");
    String base = api.create("HubSpot").json().get("id").asText();
    String id = new Chain(api).created("/sourceConnections", Chain.source("contacts", base));
    assertEquals(0, api.get("/sourceConnections").json().get("items").size());
    assertEquals(200, api.get("/sourceConnections/" + id).status());
  }

  @Test
  void oneRateLimitCoversTheFlowServiceAndDataPrep() {
    FlowServiceEmulator emulator =
        start(
            EmulatorConfig.builder()
                .clock(dev.flowform.testing.HandClock.at("2026-11-28T10:00:00Z"))
                .faults(Faults.none().withRateLimit(2))
                .build());
    Api api = Api.signedIn(emulator, "client-a", "dev");
    assertEquals(200, api.get("/flows").status());
    assertEquals(200, api.dataPrep().get("/mappingSets").status());
    assertEquals(429, api.dataPrep().get("/mappingSets").status());
    assertEquals(429, api.get("/runs").status());
  }
}
