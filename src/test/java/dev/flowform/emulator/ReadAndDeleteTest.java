package dev.flowform.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowform.testing.HandClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReadAndDeleteTest {
  private FlowServiceEmulator emulator;
  private Api api;

  @BeforeEach
  void start() {
    emulator =
        FlowServiceEmulator.start(
            EmulatorConfig.builder().clock(HandClock.at("2026-11-28T10:00:00Z")).build());
    api = Api.signedIn(emulator, "client-a", "dev");
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void readsEveryItemFieldWithSecretsMasked() {
    JsonNode created = api.create("HubSpot marketing").json();
    Api.Answer answer = api.get("/connections/" + created.get("id").asText());
    assertEquals(200, answer.status());
    assertEquals(1, answer.json().get("items").size());
    JsonNode item = answer.json().get("items").get(0);
    assertEquals(created.get("id"), item.get("id"));
    assertEquals(created.get("etag"), item.get("etag"));
    assertEquals(created.get("etag"), item.get("version"));
    assertEquals("HubSpot marketing", item.get("name").asText());
    assertEquals("CRM contacts", item.get("description").asText());
    assertEquals(Api.HUBSPOT, item.get("connectionSpec").get("id").asText());
    assertEquals("1.0", item.get("connectionSpec").get("version").asText());
    assertEquals("enabled", item.get("state").asText());
    assertEquals("dev", item.get("sandboxName").asText());
    assertEquals(Api.ORG, item.get("imsOrgId").asText());
    assertEquals("client-a", item.get("createdClient").asText());
    assertEquals("client-a@AdobeID", item.get("updatedBy").asText());
    assertTrue(item.get("sandboxId").isTextual());
    assertEquals(
        Instant.parse("2026-11-28T10:00:00Z").toEpochMilli(), item.get("createdAt").asLong());
    JsonNode params = item.get("auth").get("params");
    assertEquals("Basic Authentication", item.get("auth").get("specName").asText());
    assertEquals("hub-client", params.get("clientId").asText());
    assertEquals("****", params.get("clientSecret").asText());
    assertEquals("****", params.get("accessToken").asText());
    assertEquals("****", params.get("refreshToken").asText());
    assertFalse(answer.raw().body().contains("s3cret-value"));
  }

  @Test
  void anUnknownIdIs1101() {
    Api.Answer answer = api.get("/connections/no-such-id");
    assertEquals(404, answer.status());
    assertEquals("1101-404", answer.errorCode());
    assertEquals("Resource not found", answer.json().get("title").asText());
  }

  @Test
  void deleteAnswers204ThenTheConnectionIsGone() {
    String id = api.create("gone soon").json().get("id").asText();
    Api.Answer deleted = api.delete("/connections/" + id);
    assertEquals(204, deleted.status());
    assertEquals("", deleted.raw().body());
    assertEquals(404, api.get("/connections/" + id).status());
    assertEquals("1101-404", api.delete("/connections/" + id).errorCode());
  }

  @Test
  void connectionsAreIsolatedPerSandboxAndPerOrg() {
    String id = api.create("dev only").json().get("id").asText();
    Api prod = Api.signedIn(emulator, "client-a", "prod");
    assertEquals(404, prod.get("/connections/" + id).status());
    assertEquals(0, prod.get("/connections").json().get("items").size());
    assertEquals(404, prod.delete("/connections/" + id).status());
    Api otherOrg =
        Api.signedIn(emulator, "client-a", "dev").header("x-gw-ims-org-id", "9@AdobeOrg");
    assertEquals(404, otherOrg.get("/connections/" + id).status());
    assertEquals(200, api.get("/connections/" + id).status());
    assertEquals(1, emulator.connections(Api.ORG, "dev").size());
    assertTrue(emulator.connections("prod").isEmpty());
  }

  @Test
  void servesHubSpotsConnectionSpecWithItsAuthSpec() {
    Api.Answer answer = api.get("/connectionSpecs/" + Api.HUBSPOT);
    assertEquals(200, answer.status());
    JsonNode spec = answer.json().get("items").get(0);
    assertEquals(Api.HUBSPOT, spec.get("id").asText());
    JsonNode auth = spec.get("authSpec").get(0);
    assertEquals("Basic Authentication", auth.get("name").asText());
    assertTrue(auth.get("type").isTextual());
    JsonNode properties = auth.get("spec").get("properties");
    assertFalse(properties.get("clientId").has("format"));
    assertEquals("password", properties.get("clientSecret").get("format").asText());
    assertEquals("password", properties.get("accessToken").get("format").asText());
    assertEquals("password", properties.get("refreshToken").get("format").asText());
    assertEquals(4, auth.get("spec").get("required").size());
    assertEquals("1101-404", api.get("/connectionSpecs/unknown").errorCode());
  }

  @Test
  void listsTheConnectionSpecsInTheItemsEnvelope() {
    Api.Answer answer = api.get("/connectionSpecs");
    assertEquals(200, answer.status());
    JsonNode items = answer.json().get("items");
    assertEquals(4, items.size());
    assertEquals(Api.HUBSPOT, items.get(0).get("id").asText());
    assertEquals("hubspot", items.get(0).get("name").asText());
    assertEquals("Basic Authentication", items.get(0).get("authSpec").get(0).get("name").asText());
    List<String> names = new ArrayList<>();
    items.forEach(item -> names.add(item.get("name").asText()));
    assertEquals(List.of("hubspot", "salesforce", "snowflake", "amazon-s3"), names);
  }

  @Test
  void filtersTheConnectionSpecsByProperty() {
    assertEquals(
        1, api.get("/connectionSpecs?property=name%3D%3Dhubspot").json().get("items").size());
    assertEquals(
        1, api.get("/connectionSpecs?property=name%3D%3Dsalesforce").json().get("items").size());
    assertEquals(
        0, api.get("/connectionSpecs?property=name%3D%3Dmarketo").json().get("items").size());
    assertEquals(
        1,
        api.get("/connectionSpecs?property=id%3D%3D" + Api.HUBSPOT + ",other")
            .json()
            .get("items")
            .size());
    assertEquals("1100-400", api.get("/connectionSpecs?property=colour%3D%3Dred").errorCode());
    assertEquals(405, api.delete("/connectionSpecs").status());
  }

  @Test
  void testingAConnectionAnswersAResultAndAnUnknownIdIs1101() {
    String id = api.create("tested").json().get("id").asText();
    Api.Answer answer = api.get("/connections/" + id + "/test");
    assertEquals(200, answer.status());
    assertTrue(answer.json().get("result").asBoolean());
    Api.Answer unknown = api.get("/connections/no-such-id/test");
    assertEquals(404, unknown.status());
    assertEquals("1101-404", unknown.errorCode());
    Api prod = Api.signedIn(emulator, "client-a", "prod");
    assertEquals("1101-404", prod.get("/connections/" + id + "/test").errorCode());
    assertEquals(3, emulator.requestCount("GET", "/connections/{id}/test"));
  }

  @Test
  void testHelpersAddAndRemoveConnectionsBehindTheApisBack() {
    EmulatedConnection added =
        emulator.addConnection(
            Api.ORG,
            "dev",
            "made elsewhere",
            java.util.Map.of(
                "clientId", "id-1",
                "clientSecret", "hidden-2",
                "accessToken", "hidden-3",
                "refreshToken", "hidden-4"));
    assertEquals(
        "made elsewhere",
        api.get("/connections/" + added.id()).json().get("items").get(0).get("name").asText());
    assertTrue(emulator.removeConnection(added.id()));
    assertEquals(404, api.get("/connections/" + added.id()).status());
    assertFalse(added.toString().contains("hidden"), added.toString());
  }
}
