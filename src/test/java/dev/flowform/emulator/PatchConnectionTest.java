package dev.flowform.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PatchConnectionTest {
  private FlowServiceEmulator emulator;
  private Api api;
  private String id;
  private String etag;

  @BeforeEach
  void start() {
    emulator = FlowServiceEmulator.start(EmulatorConfig.defaults());
    api = Api.signedIn(emulator, "client-a", "dev");
    JsonNode created = api.create("before").json();
    id = created.get("id").asText();
    etag = created.get("etag").asText();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private Api.Answer patch(String ifMatch, String operations) {
    return api.header("If-Match", ifMatch).patch("/connections/" + id, operations);
  }

  private JsonNode item() {
    return api.get("/connections/" + id).json().get("items").get(0);
  }

  private EmulatedConnection stored() {
    return emulator.connections("dev").get(0);
  }

  @Test
  void replacesTheNameAndAnswersANewEtag() {
    Api.Answer answer =
        patch(etag, "[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"after\"}]");
    assertEquals(200, answer.status());
    assertEquals(id, answer.json().get("id").asText());
    String newEtag = answer.json().get("etag").asText();
    assertNotEquals(etag, newEtag);
    assertEquals("after", item().get("name").asText());
    assertEquals(newEtag, item().get("etag").asText());
  }

  @Test
  void acceptsTheEtagWithOrWithoutItsQuotes() {
    String unquoted = etag.substring(1, etag.length() - 1);
    assertEquals(
        200,
        patch(unquoted, "[{\"op\":\"add\",\"path\":\"/description\",\"value\":\"d\"}]").status());
  }

  @Test
  void opNamesAreComparedIgnoringCaseAsAeppAndTheOpenApiSpellThem() {
    String aepp = "[{\"op\":\"Add\",\"path\":\"/description\",\"value\":\"from aepp\"}]";
    String newEtag = patch(etag, aepp).json().get("etag").asText();
    assertEquals("from aepp", item().get("description").asText());
    String openApi = "[{\"op\":\"REPLACE\",\"path\":\"/name\",\"value\":\"upper\"}]";
    assertEquals(200, patch(newEtag, openApi).status());
    assertEquals("upper", item().get("name").asText());
  }

  @Test
  void anUnsupportedOpIsNamedAsItWasSent() {
    Api.Answer answer = patch(etag, "[{\"op\":\"Move\",\"path\":\"/name\",\"value\":\"x\"}]");
    assertEquals("1434-400", answer.errorCode());
    assertTrue(answer.json().get("errorMessage").asText().contains("'Move'"));
  }

  @Test
  void aSingleOperationObjectIsAcceptedLikeAOneElementArray() {
    Api.Answer answer = patch(etag, "{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"single\"}");
    assertEquals(200, answer.status());
    assertEquals("single", item().get("name").asText());
    assertEquals(answer.json().get("etag").asText(), item().get("etag").asText());
  }

  @Test
  void aBodyThatIsNeitherAnArrayNorAnObjectIsAnInvalidRequest() {
    assertEquals("1100-400", patch(etag, "\"replace\"").errorCode());
    assertEquals("1405-400", patch(etag, "[]").errorCode());
  }

  @Test
  void aMissingIfMatchIs1403() {
    Api.Answer answer =
        api.patch(
            "/connections/" + id, "[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"x\"}]");
    assertEquals(400, answer.status());
    assertEquals("1403-400", answer.errorCode());
  }

  @Test
  void aStaleEtagIs1404AndChangesNothing() {
    patch(etag, "[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"first\"}]");
    Api.Answer stale =
        patch(etag, "[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"second\"}]");
    assertEquals(412, stale.status());
    assertEquals("1404-412", stale.errorCode());
    assertEquals("first", item().get("name").asText());
  }

  @Test
  void removesTheDescription() {
    assertEquals(200, patch(etag, "[{\"op\":\"remove\",\"path\":\"/description\"}]").status());
    assertFalse(item().has("description"));
  }

  @Test
  void replacesAllAuthParamsOrJustOne() {
    String all =
        "[{\"op\":\"replace\",\"path\":\"/auth/params\",\"value\":{\"clientId\":\"c2\","
            + "\"clientSecret\":\"s2\",\"accessToken\":\"a2\",\"refreshToken\":\"r2\"}}]";
    String newEtag = patch(etag, all).json().get("etag").asText();
    assertEquals("s2", stored().params().get("clientSecret"));
    String one = "[{\"op\":\"replace\",\"path\":\"/auth/params/accessToken\",\"value\":\"a3\"}]";
    assertEquals(200, patch(newEtag, one).status());
    assertEquals("a3", stored().params().get("accessToken"));
    assertEquals("****", item().get("auth").get("params").get("accessToken").asText());
  }

  @Test
  void theConnectionSpecCannotBeUpdated1414() {
    Api.Answer answer =
        patch(etag, "[{\"op\":\"replace\",\"path\":\"/connectionSpec\",\"value\":{\"id\":\"x\"}}]");
    assertEquals("1414-400", answer.errorCode());
  }

  @Test
  void anUnsupportedOperationIs1434() {
    assertEquals(
        "1434-400",
        patch(etag, "[{\"op\":\"move\",\"from\":\"/name\",\"path\":\"/description\"}]")
            .errorCode());
  }

  @Test
  void aPathThatDoesNotExistIs1455() {
    assertEquals(
        "1455-400",
        patch(etag, "[{\"op\":\"replace\",\"path\":\"/colour\",\"value\":\"red\"}]").errorCode());
    assertEquals(
        "1455-400",
        patch(etag, "[{\"op\":\"replace\",\"path\":\"/auth/params/nope\",\"value\":\"v\"}]")
            .errorCode());
  }

  @Test
  void aPatchIsAllOrNothing() {
    Api.Answer answer =
        patch(
            etag,
            "[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"changed\"},"
                + "{\"op\":\"remove\",\"path\":\"/auth/params/refreshToken\"}]");
    assertEquals("1100-400", answer.errorCode());
    assertEquals("before", item().get("name").asText());
    assertEquals(etag, item().get("etag").asText());
  }

  @Test
  void anEmptyPatchIs1405AndAnUnknownIdIs1101() {
    assertEquals("1405-400", patch(etag, "").errorCode());
    assertEquals(
        "1101-404",
        api.header("If-Match", etag)
            .patch("/connections/unknown", "[{\"op\":\"remove\",\"path\":\"/description\"}]")
            .errorCode());
  }

  @Test
  void deleteWithAStaleIfMatchIs1404() {
    patch(etag, "[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"first\"}]");
    assertEquals("1404-412", api.header("If-Match", etag).delete("/connections/" + id).errorCode());
  }
}
