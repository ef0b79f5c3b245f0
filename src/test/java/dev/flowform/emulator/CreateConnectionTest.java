package dev.flowform.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CreateConnectionTest {
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
  void refusesABodyThatIsNotSentAsJsonAsTheServiceRequiresContentType() {
    String body = Bodies.connection("HubSpot marketing");
    assertEquals(415, api.post("/connections", body, null).status());
    assertEquals(415, api.post("/connections", body, "text/plain").status());
    assertEquals(201, api.post("/connections", body, "application/json; charset=utf-8").status());
    assertEquals(1, emulator.connections("dev").size());
  }

  @Test
  void answers201WithIdQuotedEtagAndLocation() {
    Api.Answer answer = api.create("HubSpot marketing");
    assertEquals(201, answer.status());
    String id = answer.json().get("id").asText();
    assertTrue(
        id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id);
    String etag = answer.json().get("etag").asText();
    assertTrue(etag.matches("\"[0-9a-f]{8}-0000-0200-0000-[0-9a-f]{8}0000\""), etag);
    assertEquals(emulator.flowServiceUrl() + "/connections/" + id, answer.header("Location"));
    List<EmulatedConnection> stored = emulator.connections("dev");
    assertEquals(1, stored.size());
    assertEquals("s3cret-value", stored.get(0).params().get("clientSecret"));
  }

  @Test
  void anEmptyBodyIs1405() {
    Api.Answer answer = api.post("/connections", "");
    assertEquals(400, answer.status());
    assertEquals("1405-400", answer.errorCode());
  }

  @Test
  void anUnknownConnectionSpecIs1413() {
    Api.Answer answer =
        api.post(
            "/connections",
            Bodies.connection("x", "00000000-0000-0000-0000-000000000000", "Basic Authentication"));
    assertEquals("1413-400", answer.errorCode());
    assertTrue(emulator.connections("dev").isEmpty());
  }

  @Test
  void anAuthSpecTheConnectionSpecDoesNotHaveIs1415() {
    Api.Answer answer = api.post("/connections", Bodies.connection("x", Api.HUBSPOT, "OAuth 2"));
    assertEquals(400, answer.status());
    assertEquals("1415-400", answer.errorCode());
  }

  @Test
  void aMissingNameOrParamIsAnInvalidRequest() {
    Api.Answer noName = api.post("/connections", Bodies.connection("").replace("\"\"", "null"));
    assertEquals("1100-400", noName.errorCode());
    Api.Answer noToken =
        api.post("/connections", Bodies.connection("x").replace("\"refreshToken\"", "\"other\""));
    assertEquals("1100-400", noToken.errorCode());
    assertTrue(
        noToken.json().get("report").get("detailed-message").asText().contains("refreshToken"));
    assertTrue(emulator.connections("dev").isEmpty());
  }

  @Test
  void malformedJsonIsAnInvalidRequest() {
    assertEquals("1100-400", api.post("/connections", "{\"name\": ").errorCode());
  }

  @Test
  void twoConnectionsMayHaveTheSameName() {
    assertEquals(201, api.create("same").status());
    assertEquals(201, api.create("same").status());
    assertEquals(2, emulator.connections("dev").size());
  }
}
