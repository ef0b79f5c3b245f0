package dev.flowform.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.testing.HandClock;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ImsTokenTest {
  private FlowServiceEmulator emulator;

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void grantsATokenToAnyClientByDefault() {
    emulator = FlowServiceEmulator.start(EmulatorConfig.defaults());
    Api.Answer answer = new Api(emulator).token("any-client", "any-secret");
    assertEquals(200, answer.status());
    assertEquals("bearer", answer.json().get("token_type").asText());
    assertEquals(86_399, answer.json().get("expires_in").asLong());
    assertTrue(answer.json().get("access_token").asText().length() > 20);
    assertNotNull(answer.header("x-request-id"));
  }

  @Test
  void grantsOnlyTheConfiguredClient() {
    emulator =
        FlowServiceEmulator.start(
            EmulatorConfig.builder().client("ci-client", "ci-secret").build());
    Api api = new Api(emulator);
    assertEquals(200, api.token("ci-client", "ci-secret").status());
    Api.Answer wrongId = api.token("other", "ci-secret");
    assertEquals(400, wrongId.status());
    assertEquals("invalid_client", wrongId.json().get("error").asText());
    Api.Answer wrongSecret = api.token("ci-client", "guess");
    assertEquals(401, wrongSecret.status());
    assertEquals("invalid_client", wrongSecret.json().get("error").asText());
  }

  @Test
  void refusesAnotherGrantType() {
    emulator = FlowServiceEmulator.start(EmulatorConfig.defaults());
    Api.Answer answer =
        new Api(emulator)
            .send(
                HttpRequest.newBuilder(emulator.imsUrl())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=a")));
    assertEquals(400, answer.status());
    assertEquals("unsupported_grant_type", answer.json().get("error").asText());
  }

  @Test
  void anIssuedTokenOpensTheApiUntilTokensAreExpired() {
    emulator = FlowServiceEmulator.start(EmulatorConfig.defaults());
    Api api = Api.signedIn(emulator, "client-a", "dev");
    assertEquals(200, api.get("/connections").status());
    emulator.expireTokens();
    Api.Answer expired = api.get("/connections");
    assertEquals(401, expired.status());
    assertEquals("401013", expired.errorCode());
  }

  @Test
  void aTokenStopsWorkingWhenItsLifetimeHasPassed() {
    HandClock clock = HandClock.at("2026-11-28T10:00:00Z");
    emulator =
        FlowServiceEmulator.start(
            EmulatorConfig.builder().clock(clock).tokenLifetime(Duration.ofMinutes(5)).build());
    Api api = Api.signedIn(emulator, "client-a", "dev");
    clock.advance(Duration.ofMinutes(4));
    assertEquals(200, api.get("/connections").status());
    clock.advance(Duration.ofMinutes(1));
    assertEquals("401013", api.get("/connections").errorCode());
  }

  @Test
  void aTokenIssuedDirectlyWorksForItsClient() {
    emulator = FlowServiceEmulator.start(EmulatorConfig.defaults());
    Api api =
        new Api(emulator)
            .header("Authorization", "Bearer " + emulator.issueToken("client-b"))
            .header("x-api-key", "client-b")
            .header("x-gw-ims-org-id", Api.ORG)
            .header("x-sandbox-name", "dev");
    assertEquals(200, api.get("/connections").status());
  }
}
