package dev.flowform.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowform.testing.HandClock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MappingSetsTest {
  private FlowServiceEmulator emulator;
  private Api prep;

  @BeforeEach
  void start() {
    emulator =
        FlowServiceEmulator.start(
            EmulatorConfig.builder().clock(HandClock.at("2026-11-28T10:00:00Z")).build());
    prep = Api.signedIn(emulator, "client-a", "dev").dataPrep();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void aCreateAnswers200WithIdVersionZeroAndStamps() {
    Api.Answer created = prep.post("/mappingSets", Chain.mapping(Chain.SCHEMA, "_id"));
    assertEquals(200, created.status(), created.raw().body());
    JsonNode body = created.json();
    assertTrue(body.get("id").asText().matches("[0-9a-f]{32}"), body.toString());
    assertEquals(0, body.get("version").asInt());
    long now = Instant.parse("2026-11-28T10:00:00Z").toEpochMilli();
    assertEquals(now, body.get("createdDate").asLong());
    assertEquals(now, body.get("modifiedDate").asLong());
    assertEquals("client-a", body.get("createdBy").asText());
    assertEquals("client-a", body.get("modifiedBy").asText());
  }

  @Test
  void aReadAnswersTheMappingSetItselfWithItsSchemaAndMappings() {
    String id =
        prep.post("/mappingSets", Chain.mapping(Chain.SCHEMA, "_id")).json().get("id").asText();
    JsonNode set = prep.get("/mappingSets/" + id).json();
    assertEquals(id, set.get("id").asText());
    assertEquals(0, set.get("version").asInt());
    assertEquals(Chain.SCHEMA, set.at("/outputSchema/schemaRef/id").asText());
    assertEquals(2, set.get("mappings").size());
    assertEquals("ATTRIBUTE", set.at("/mappings/0/sourceType").asText());
    assertEquals("Vid", set.at("/mappings/0/source").asText());
    assertEquals("_id", set.at("/mappings/0/destination").asText());
    assertEquals("EXPRESSION", set.at("/mappings/1/sourceType").asText());
    assertEquals("1101-404", prep.get("/mappingSets/nope").errorCode());
  }

  @Test
  void aPutMakesTheNextVersionOfTheSameIdAndEarlierVersionsStayReadable() {
    String id =
        prep.post("/mappingSets", Chain.mapping(Chain.SCHEMA, "_id")).json().get("id").asText();
    Api.Answer put = prep.put("/mappingSets/" + id, Chain.mapping(Chain.SCHEMA, "person.id"));
    assertEquals(200, put.status(), put.raw().body());
    assertEquals(id, put.json().get("id").asText());
    assertEquals(1, put.json().get("version").asInt());
    assertEquals("person.id", put.json().at("/mappings/0/destination").asText());
    assertEquals(1, prep.get("/mappingSets/" + id).json().get("version").asInt());
    JsonNode first = prep.get("/mappingSets/" + id + "?version=0").json();
    assertEquals(0, first.get("version").asInt());
    assertEquals("_id", first.at("/mappings/0/destination").asText());
    assertEquals(404, prep.get("/mappingSets/" + id + "?version=2").status());
    assertEquals(404, prep.put("/mappingSets/nope", Chain.mapping(Chain.SCHEMA, "_id")).status());
  }

  @Test
  void aMappingSetNeedsAnOutputSchemaAndMappings() {
    assertEquals(400, prep.post("/mappingSets", "{\"mappings\": []}").status());
    String noMappings =
        "{\"outputSchema\": {\"schemaRef\": {\"id\": \"" + Chain.SCHEMA + "\"}}, \"mappings\": []}";
    assertEquals(400, prep.post("/mappingSets", noMappings).status());
    String badType = Chain.mapping(Chain.SCHEMA, "_id").replace("\"ATTRIBUTE\"", "\"CONSTANT\"");
    assertEquals(400, prep.post("/mappingSets", badType).status());
  }

  @Test
  void theListAnswersDataPagedByLimitAndStart() {
    for (int i = 0; i < 3; i++) {
      prep.post("/mappingSets", Chain.mapping(Chain.SCHEMA, "_id" + i));
    }
    JsonNode first = prep.get("/mappingSets?limit=2&start=0").json();
    assertEquals(2, first.get("data").size());
    assertEquals(2, first.at("/_page/count").asInt());
    assertEquals("/mappingSets?limit=2&start=2", first.at("/_links/next/href").asText());
    JsonNode rest = prep.get("/mappingSets?limit=2&start=2").json();
    assertEquals(1, rest.get("data").size());
    assertEquals("_id2", rest.at("/data/0/mappings/0/destination").asText());
    assertTrue(rest.at("/_links/next").isMissingNode());
  }

  @Test
  void aDeleteAnswers204AndMappingSetsAreIsolatedPerSandbox() {
    String id =
        prep.post("/mappingSets", Chain.mapping(Chain.SCHEMA, "_id")).json().get("id").asText();
    Api prod = Api.signedIn(emulator, "client-a", "prod").dataPrep();
    assertEquals(404, prod.get("/mappingSets/" + id).status());
    assertEquals(0, prod.get("/mappingSets").json().get("data").size());
    assertEquals(204, prep.delete("/mappingSets/" + id).status());
    assertEquals(404, prep.get("/mappingSets/" + id).status());
  }

  @Test
  void dataPrepCountsItsRequestsUnderItsOwnPath() {
    prep.get("/mappingSets");
    assertEquals(
        1,
        emulator.requestCounts().get("GET " + FlowServiceEmulator.DATA_PREP_PATH + "/mappingSets"));
  }
}
