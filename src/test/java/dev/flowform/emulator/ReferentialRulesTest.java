package dev.flowform.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReferentialRulesTest {
  private static final long LATER = Instant.now().getEpochSecond() + 86_400;

  private FlowServiceEmulator emulator;
  private Api api;
  private Chain.Ids ids;

  @BeforeEach
  void start() {
    emulator = FlowServiceEmulator.start(EmulatorConfig.defaults());
    api = Api.signedIn(emulator, "client-a", "dev");
    ids = new Chain(api).build("contacts", LATER);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void connectionsAndMappingSetsAFlowUsesCannotBeDeleted1447() {
    Api.Answer source = api.delete("/sourceConnections/" + ids.source());
    assertEquals("1447-400", source.errorCode());
    assertTrue(source.json().get("errorMessage").asText().contains("found active flows"));
    assertTrue(source.json().get("errorMessage").asText().contains(ids.flow()));
    assertEquals("1447-400", api.delete("/targetConnections/" + ids.target()).errorCode());
    assertEquals("1447-400", api.dataPrep().delete("/mappingSets/" + ids.mapping()).errorCode());
    assertEquals(1, emulator.resources(ResourceKind.SOURCE_CONNECTION, "dev").size());
  }

  @Test
  void aBaseConnectionASourceConnectionUsesCannotBeDeleted1418() {
    Api.Answer base = api.delete("/connections/" + ids.base());
    assertEquals("1418-400", base.errorCode());
    assertTrue(base.json().get("errorMessage").asText().contains(ids.source()));
    assertEquals(1, emulator.connections("dev").size());
  }

  @Test
  void deletingInThePlatformsOrderEmptiesTheSandbox() {
    assertEquals(204, api.delete("/flows/" + ids.flow()).status());
    assertEquals(204, api.delete("/targetConnections/" + ids.target()).status());
    assertEquals(204, api.delete("/sourceConnections/" + ids.source()).status());
    assertEquals(204, api.dataPrep().delete("/mappingSets/" + ids.mapping()).status());
    assertEquals(204, api.delete("/connections/" + ids.base()).status());
    assertTrue(emulator.resources("dev").isEmpty());
    assertTrue(emulator.connections("dev").isEmpty());
  }

  @Test
  void resourcesOfAnotherSandboxDoNotHoldADeleteBack() {
    Api prod = Api.signedIn(emulator, "client-a", "prod");
    Chain.Ids other = new Chain(prod).build("prod contacts", LATER);
    assertEquals(204, api.delete("/flows/" + ids.flow()).status());
    assertEquals(204, api.delete("/sourceConnections/" + ids.source()).status());
    assertEquals(404, api.delete("/sourceConnections/" + other.source()).status());
    assertEquals("1447-400", prod.delete("/sourceConnections/" + other.source()).errorCode());
  }
}
