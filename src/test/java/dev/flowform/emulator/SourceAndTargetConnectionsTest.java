package dev.flowform.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SourceAndTargetConnectionsTest {
  private FlowServiceEmulator emulator;
  private Api api;
  private Chain chain;
  private String base;

  @BeforeEach
  void start() {
    emulator = FlowServiceEmulator.start(EmulatorConfig.builder().pageSize(2).build());
    api = Api.signedIn(emulator, "client-a", "dev");
    chain = new Chain(api);
    base = api.create("HubSpot").json().get("id").asText();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void aSourceConnectionIsCreatedWith201IdEtagAndLocationThenReadAsOneItem() {
    Api.Answer created = api.post("/sourceConnections", Chain.source("contacts", base));
    assertEquals(201, created.status());
    String id = created.json().get("id").asText();
    String etag = created.json().get("etag").asText();
    assertTrue(etag.startsWith("\"") && etag.endsWith("\""), etag);
    assertTrue(created.header("Location").endsWith("/sourceConnections/" + id));
    JsonNode item = api.get("/sourceConnections/" + id).json().get("items").get(0);
    assertEquals(id, item.get("id").asText());
    assertEquals("contacts", item.get("name").asText());
    assertEquals(base, item.get("baseConnectionId").asText());
    assertEquals(Api.HUBSPOT, item.at("/connectionSpec/id").asText());
    assertEquals("tabular", item.at("/data/format").asText());
    assertEquals("Hubspot.Contacts", item.at("/params/path").asText());
    assertEquals("enabled", item.get("state").asText());
    assertEquals(etag, item.get("etag").asText());
    assertEquals("dev", item.get("sandboxName").asText());
  }

  @Test
  void aSourceConnectionOnAMissingBaseConnectionIsRefusedWith400() {
    Api.Answer answer = api.post("/sourceConnections", Chain.source("orphan", "no-such-base"));
    assertEquals(400, answer.status());
    assertEquals("1100-400", answer.errorCode());
    assertTrue(answer.json().get("errorMessage").asText().contains("no-such-base"));
  }

  @Test
  void aSourceConnectionMustNameItsBaseConnectionsSpecAndAPath() {
    String otherSpec = Chain.source("wrong spec", base).replace(Api.HUBSPOT, Chain.DATA_LAKE);
    assertEquals("1413-400", api.post("/sourceConnections", otherSpec).errorCode());
    String noPath = Chain.source("no path", base).replace("\"path\"", "\"table\"");
    assertEquals(400, api.post("/sourceConnections", noPath).status());
    String noFormat = Chain.source("no format", base).replace("\"format\"", "\"kind\"");
    assertEquals(400, api.post("/sourceConnections", noFormat).status());
    String noName = Chain.source("", base);
    assertEquals(400, api.post("/sourceConnections", noName).status());
  }

  @Test
  void aSourceConnectionOfAnotherSandboxIsNotSeenNorUsable() {
    String id = chain.created("/sourceConnections", Chain.source("mine", base));
    Api other = Api.signedIn(emulator, "client-a", "prod");
    assertEquals(404, other.get("/sourceConnections/" + id).status());
    assertEquals(0, other.get("/sourceConnections").json().get("items").size());
    assertEquals(400, other.post("/sourceConnections", Chain.source("theirs", base)).status());
  }

  @Test
  void aTargetConnectionNeedsTheDataLakeSpecASchemaAndADataset() {
    Api.Answer created = api.post("/targetConnections", Chain.target("lake", Chain.SCHEMA));
    assertEquals(201, created.status());
    JsonNode item =
        api.get("/targetConnections/" + created.json().get("id").asText())
            .json()
            .get("items")
            .get(0);
    assertEquals(Chain.DATA_LAKE, item.at("/connectionSpec/id").asText());
    assertEquals(Chain.SCHEMA, item.at("/data/schema/id").asText());
    assertEquals("5ed5639d798a22191b6987b2", item.at("/params/dataSetId").asText());
    String hubspot = Chain.target("lake", Chain.SCHEMA).replace(Chain.DATA_LAKE, Api.HUBSPOT);
    assertEquals("1413-400", api.post("/targetConnections", hubspot).errorCode());
    String noSchema = Chain.target("lake", Chain.SCHEMA).replace("\"schema\"", "\"shape\"");
    assertEquals(400, api.post("/targetConnections", noSchema).status());
    String noDataset = Chain.target("lake", Chain.SCHEMA).replace("dataSetId", "datasetId");
    assertEquals(400, api.post("/targetConnections", noDataset).status());
  }

  @Test
  void listsPageWithAContinuationTokenAndAlwaysCarryLinks() {
    for (int i = 0; i < 3; i++) {
      chain.created("/targetConnections", Chain.target("lake " + i, Chain.SCHEMA));
    }
    JsonNode first = api.get("/targetConnections").json();
    assertEquals(2, first.get("items").size());
    String href = first.at("/_links/next/href").asText();
    assertTrue(href.startsWith("/targetConnections?continuationToken="), href);
    JsonNode second = api.get("/targetConnections?continuationToken=" + href.split("=")[1]).json();
    assertEquals(1, second.get("items").size());
    assertEquals("lake 2", second.get("items").get(0).get("name").asText());
    assertTrue(second.get("_links").isObject());
    assertTrue(second.get("_links").isEmpty());
    assertEquals(3, api.get("/targetConnections?count=true").json().get("count").asInt());
  }

  @Test
  void listsFilterByNameQuotedOrNotAndByBaseConnectionId() {
    String otherBase = api.create("other").json().get("id").asText();
    chain.created("/sourceConnections", Chain.source("contacts", base));
    chain.created("/sourceConnections", Chain.source("companies", otherBase));
    String quoted = "/sourceConnections?property=" + Api.encode("name==\"contacts\"");
    JsonNode byName = api.get(quoted).json().get("items");
    assertEquals(1, byName.size());
    assertEquals("contacts", byName.get(0).get("name").asText());
    String byBase = "/sourceConnections?property=" + Api.encode("baseConnectionId==" + otherBase);
    assertEquals("companies", api.get(byBase).json().at("/items/0/name").asText());
    assertEquals(
        "1100-400", api.get("/sourceConnections?property=" + Api.encode("secret==x")).errorCode());
  }

  @Test
  void aPatchWithIfMatchRenamesAndGivesANewEtagButThePathIsReplaceOnly() {
    Api.Answer created = api.post("/sourceConnections", Chain.source("contacts", base));
    String id = created.json().get("id").asText();
    String etag = created.json().get("etag").asText();
    String rename = "[{\"op\": \"replace\", \"path\": \"/name\", \"value\": \"renamed\"}]";
    assertEquals("1403-400", api.patch("/sourceConnections/" + id, rename).errorCode());
    Api.Answer patched = api.header("If-Match", etag).patch("/sourceConnections/" + id, rename);
    assertEquals(200, patched.status());
    assertEquals(id, patched.json().get("id").asText());
    assertNotEquals(etag, patched.json().get("etag").asText());
    assertEquals(
        "renamed", api.get("/sourceConnections/" + id).json().at("/items/0/name").asText());
    assertEquals("1404-412", api.patch("/sourceConnections/" + id, rename).errorCode());
    String newEtag = patched.json().get("etag").asText();
    String path =
        "[{\"op\": \"replace\", \"path\": \"/params/path\", \"value\": \"Hubspot.Deals\"}]";
    Api.Answer refused = api.header("If-Match", newEtag).patch("/sourceConnections/" + id, path);
    assertEquals("1100-400", refused.errorCode());
    assertTrue(refused.json().get("errorMessage").asText().contains("cannot be updated"));
    String unknown = "[{\"op\": \"add\", \"path\": \"/colour\", \"value\": \"red\"}]";
    assertEquals("1455-400", api.patch("/sourceConnections/" + id, unknown).errorCode());
  }

  @Test
  void aDeleteAnswers204ThenTheConnectionIs404() {
    String source = chain.created("/sourceConnections", Chain.source("contacts", base));
    String target = chain.created("/targetConnections", Chain.target("lake", Chain.SCHEMA));
    assertEquals(204, api.delete("/sourceConnections/" + source).status());
    assertEquals(204, api.delete("/targetConnections/" + target).status());
    assertEquals("1101-404", api.get("/sourceConnections/" + source).errorCode());
    assertEquals("1101-404", api.get("/targetConnections/" + target).errorCode());
    assertEquals(404, api.delete("/targetConnections/" + target).status());
  }

  @Test
  void callsWithoutATokenAreRefusedByTheGatewayAsOnConnections() {
    Api anonymous = Api.signedIn(emulator, "client-a", "dev").without("Authorization");
    assertEquals("403010", anonymous.get("/sourceConnections").errorCode());
    assertEquals("403010", anonymous.post("/flows", "{}").errorCode());
    assertEquals("403010", anonymous.dataPrep().get("/mappingSets").errorCode());
  }
}
