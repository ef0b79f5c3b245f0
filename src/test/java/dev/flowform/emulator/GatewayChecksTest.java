package dev.flowform.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GatewayChecksTest {
  private static FlowServiceEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = FlowServiceEmulator.start(EmulatorConfig.defaults());
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static Api signedIn() {
    return Api.signedIn(emulator, "client-a", "dev");
  }

  @Test
  void aMissingTokenIsTheGateways403010() {
    Api.Answer answer = signedIn().without("Authorization").get("/connections");
    assertEquals(403, answer.status());
    assertEquals("403010", answer.json().get("error_code").asText());
    assertTrue(answer.json().has("message"));
  }

  @Test
  void aTokenIMSNeverIssuedIsTheGateways401013() {
    Api.Answer answer = signedIn().header("Authorization", "Bearer made-up").get("/connections");
    assertEquals(401, answer.status());
    assertEquals("401013", answer.json().get("error_code").asText());
  }

  @Test
  void aMissingApiKeyIs403000AndAnotherClientsKeyIs403003() {
    assertEquals("403000", signedIn().without("x-api-key").get("/connections").errorCode());
    Api.Answer other = signedIn().header("x-api-key", "client-b").get("/connections");
    assertEquals(403, other.status());
    assertEquals("403003", other.errorCode());
  }

  @Test
  void aMissingOrgIsTheGateways400003() {
    Api.Answer answer = signedIn().without("x-gw-ims-org-id").get("/connections");
    assertEquals(400, answer.status());
    assertEquals("400003", answer.errorCode());
  }

  @Test
  void aMissingSandboxIsTheFlowServices2105InItsOwnErrorForm() {
    Api.Answer answer = signedIn().without("x-sandbox-name").get("/connections");
    assertEquals(400, answer.status());
    assertEquals(
        "https://ns.adobe.com/aep/errors/FLOW-2105-400", answer.json().get("type").asText());
    assertEquals(400, answer.json().get("status").asInt());
    assertNotNull(answer.json().get("title").textValue());
    assertNotNull(answer.json().get("errorMessage").textValue());
    assertTrue(answer.json().has("errorDetails"));
    assertTrue(answer.json().get("report").get("detailed-message").asText().contains("sandbox"));
    assertEquals(
        answer.header("x-request-id"), answer.json().get("report").get("request-id").asText());
  }

  @Test
  void aSandboxNameThatCannotExistIs2100() {
    Api.Answer answer = signedIn().header("x-sandbox-name", "Not A Sandbox").get("/connections");
    assertEquals(404, answer.status());
    assertEquals("2100-404", answer.errorCode());
  }

  @Test
  void everyAnswerCarriesARequestIdAndEchoesTheCallersOwn() {
    assertNotNull(signedIn().get("/connections").header("x-request-id"));
    assertNotNull(signedIn().without("Authorization").get("/connections").header("x-request-id"));
    Api.Answer echoed = signedIn().header("x-request-id", "trace-42").get("/connections");
    assertEquals("trace-42", echoed.header("x-request-id"));
  }

  @Test
  void anUnknownPathIs404AndAWrongMethodIs405() {
    assertEquals(404, signedIn().get("/batches").status());
    assertEquals(405, signedIn().delete("/connections").status());
  }

  @Test
  void countsRequestsByMethodAndPathTemplate() {
    Api api = signedIn();
    long before = emulator.requestCount("GET", "/connections/{id}");
    api.get("/connections/a");
    api.get("/connections/b");
    assertEquals(before + 2, emulator.requestCount("GET", "/connections/{id}"));
    assertTrue(emulator.requestCounts().get("POST /ims/token/v3") >= 1);
  }
}
