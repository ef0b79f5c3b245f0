package dev.flowform.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FlowSpecsTest {
  private FlowServiceEmulator emulator;
  private Api api;

  @BeforeEach
  void start() {
    emulator = FlowServiceEmulator.start(EmulatorConfig.defaults());
    api = Api.signedIn(emulator, "client-a", "dev");
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void crmToAepIsFoundByItsQuotedNameAndTakesHubSpotIntoTheDataLake() {
    JsonNode items =
        api.get("/flowSpecs?property=" + Api.encode("name==\"CRMToAEP\"")).json().get("items");
    assertEquals(1, items.size());
    JsonNode spec = items.get(0);
    assertEquals(Chain.CRM_TO_AEP, spec.get("id").asText());
    assertEquals("CRMToAEP", spec.get("name").asText());
    assertEquals(Api.HUBSPOT, spec.at("/sourceConnectionSpecIds/0").asText());
    assertEquals(Chain.DATA_LAKE, spec.at("/targetConnectionSpecIds/0").asText());
    JsonNode schedule = spec.at("/scheduleSpec/spec");
    assertEquals("object", schedule.get("type").asText());
    assertEquals(5, schedule.at("/properties/frequency/enum").size());
    assertEquals("startTime", schedule.at("/required/0").asText());
    assertEquals("Copy", spec.at("/transformationSpecs/0/name").asText());
  }

  @Test
  void anUnquotedNameFindsItTooAndAnotherNameFindsNothing() {
    assertEquals(1, api.get("/flowSpecs?property=name==CRMToAEP").json().get("items").size());
    assertEquals(0, api.get("/flowSpecs?property=name==Other").json().get("items").size());
  }

  @Test
  void oneSpecIsReadByIdAsOneItemAndAnUnknownOneIs404() {
    JsonNode items = api.get("/flowSpecs/" + Chain.CRM_TO_AEP).json().get("items");
    assertEquals("CRMToAEP", items.get(0).get("name").asText());
    assertEquals("1101-404", api.get("/flowSpecs/nope").errorCode());
    assertTrue(api.post("/flowSpecs", "{}").status() == 405);
  }
}
