package dev.flowform.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.testing.HandClock;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {
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
  void aScriptedTimeoutAfterLandingAnswers504ButTheConnectionExists() {
    FlowServiceEmulator emulator = start(EmulatorConfig.defaults());
    Api api = Api.signedIn(emulator, "client-a", "dev");
    emulator.injectFaults(Operation.CREATE, FaultKind.TIMEOUT_AFTER_LANDING, 2);
    Api.Answer first = api.create("landed");
    assertEquals(504, first.status());
    assertEquals("1104-504", first.errorCode());
    assertEquals(504, api.create("landed").status());
    assertEquals(201, api.create("landed").status());
    assertEquals(3, emulator.connections("dev").size());
  }

  @Test
  void aScriptedUnavailableAnswers503AndNothingLands() {
    FlowServiceEmulator emulator = start(EmulatorConfig.defaults());
    Api api = Api.signedIn(emulator, "client-a", "dev");
    emulator.injectFaults(Operation.CREATE, FaultKind.UNAVAILABLE, 1);
    Api.Answer answer = api.create("not landed");
    assertEquals(503, answer.status());
    assertEquals("1103-503", answer.errorCode());
    assertTrue(emulator.connections("dev").isEmpty());
  }

  @Test
  void aScriptedThrottleAnswers429WithRetryAfterAndNothingLands() {
    FlowServiceEmulator emulator =
        start(
            EmulatorConfig.builder()
                .faults(Faults.none().withRetryAfter(Duration.ofSeconds(7)))
                .build());
    Api api = Api.signedIn(emulator, "client-a", "dev");
    emulator.injectFaults(Operation.CREATE, FaultKind.THROTTLED, 1);
    Api.Answer answer = api.create("not landed");
    assertEquals(429, answer.status());
    assertEquals("7", answer.header("Retry-After"));
    assertTrue(emulator.connections("dev").isEmpty());
  }

  @Test
  void aScriptedResetAfterLandingClosesTheConnectionWithoutAnAnswer() {
    FlowServiceEmulator emulator = start(EmulatorConfig.defaults());
    Api api = Api.signedIn(emulator, "client-a", "dev");
    emulator.injectFaults(Operation.CREATE, FaultKind.RESET_AFTER_LANDING, 1);
    assertThrows(UncheckedIOException.class, () -> api.create("landed silently"));
    assertEquals(1, emulator.connections("dev").size());
  }

  @Test
  void scriptedFaultsApplyOnlyToTheirOperation() {
    FlowServiceEmulator emulator = start(EmulatorConfig.defaults());
    Api api = Api.signedIn(emulator, "client-a", "dev");
    String id = api.create("x").json().get("id").asText();
    emulator.injectFaults(Operation.DELETE, FaultKind.TIMEOUT_AFTER_LANDING, 1);
    assertEquals(200, api.get("/connections/" + id).status());
    assertEquals(504, api.delete("/connections/" + id).status());
    assertEquals(404, api.get("/connections/" + id).status());
  }

  @Test
  void randomFaultsRepeatExactlyForTheSameSeed() {
    EmulatorConfig config = EmulatorConfig.builder().seed(42).faults(Faults.errorRate(0.5)).build();
    List<Integer> first = statuses(start(config), 30);
    List<Integer> second = statuses(start(config), 30);
    assertEquals(first, second);
    assertTrue(first.contains(201), first.toString());
    assertTrue(first.contains(503) && first.contains(504) && first.contains(429), first.toString());
  }

  @Test
  void aRateOfOneInOneKindFailsEveryConnectionCallThatWay() {
    FlowServiceEmulator emulator =
        start(
            EmulatorConfig.builder().faults(Faults.none().with(FaultKind.UNAVAILABLE, 1)).build());
    assertEquals(List.of(503, 503, 503), statuses(emulator, 3));
    Api api = Api.signedIn(emulator, "client-a", "dev");
    assertEquals(503, api.get("/connections").status());
    assertEquals(200, api.get("/connectionSpecs/" + Api.HUBSPOT).status());
  }

  @Test
  void theRateLimitAnswers429WithRetryAfterWithinOneSecondThenAdmitsAgain() {
    HandClock clock = HandClock.at("2026-11-28T10:00:00Z");
    FlowServiceEmulator emulator =
        start(EmulatorConfig.builder().clock(clock).faults(Faults.none().withRateLimit(3)).build());
    Api api = Api.signedIn(emulator, "client-a", "dev");
    for (int i = 0; i < 3; i++) {
      assertEquals(200, api.get("/connections").status());
    }
    Api.Answer limited = api.get("/connections");
    assertEquals(429, limited.status());
    assertEquals("1", limited.header("Retry-After"));
    clock.advance(Duration.ofSeconds(1));
    assertEquals(200, api.get("/connections").status());
  }

  @Test
  void faultRatesAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> Faults.errorRate(1.5));
    assertThrows(
        IllegalArgumentException.class,
        () -> Faults.errorRate(0.9).with(FaultKind.RESET_AFTER_LANDING, 0.5));
    assertEquals(0.3, Faults.errorRate(0.3).errorRate(), 1e-9);
  }

  private static List<Integer> statuses(FlowServiceEmulator emulator, int creates) {
    Api api = Api.signedIn(emulator, "client-a", "dev");
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < creates; i++) {
      statuses.add(api.create("c" + i).status());
    }
    return statuses;
  }
}
