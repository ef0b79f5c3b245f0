package dev.flowform.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowform.testing.HandClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RunsTest {
  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  private HandClock clock;
  private FlowServiceEmulator emulator;
  private Api api;
  private Chain chain;

  @BeforeEach
  void start() {
    clock = new HandClock(NOW);
    emulator = FlowServiceEmulator.start(EmulatorConfig.builder().clock(clock).build());
    api = Api.signedIn(emulator, "client-a", "dev");
    chain = new Chain(api);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private JsonNode runsOf(String flowId) {
    return api.get("/runs?property=" + Api.encode("flowId==" + flowId)).json().get("items");
  }

  @Test
  void anHourlyFlowGetsOneSuccessfulRunPerHourMostRecentFirst() {
    String flow = chain.build("contacts", NOW.getEpochSecond()).flow();
    JsonNode first = runsOf(flow);
    assertEquals(1, first.size());
    clock.advance(Duration.ofHours(3).plusMinutes(5));
    JsonNode runs = runsOf(flow);
    assertEquals(4, runs.size());
    JsonNode latest = runs.get(0);
    assertEquals(flow, latest.get("flowId").asText());
    assertEquals("success", latest.at("/metrics/statusSummary/status").asText());
    long input = latest.at("/metrics/recordSummary/inputRecordCount").asLong();
    assertTrue(input > 0);
    assertEquals(input, latest.at("/metrics/recordSummary/outputRecordCount").asLong());
    assertEquals(0, latest.at("/metrics/recordSummary/failedRecordCount").asLong());
    long started = latest.at("/metrics/durationSummary/startedAtUTC").asLong();
    assertEquals(NOW.plus(Duration.ofHours(3)).toEpochMilli(), started);
    assertTrue(latest.at("/metrics/durationSummary/completedAtUTC").asLong() >= started);
    assertTrue(runs.get(1).at("/metrics/durationSummary/startedAtUTC").asLong() < started);
    assertEquals(runs.get(3).get("id"), first.get(0).get("id"));
  }

  @Test
  void theFlowCarriesItsLatestRunAsLastRunDetails() {
    String flow = chain.build("contacts", NOW.getEpochSecond()).flow();
    clock.advance(Duration.ofMinutes(90));
    JsonNode details = api.get("/flows/" + flow).json().at("/items/0/lastRunDetails");
    JsonNode latest = runsOf(flow).get(0);
    assertEquals(latest.get("id").asText(), details.get("id").asText());
    assertEquals("success", details.get("state").asText());
    assertEquals(
        latest.at("/metrics/durationSummary/startedAtUTC").asLong(),
        details.get("startedAtUTC").asLong());
  }

  @Test
  void aFlowWhoseNameHasTheMarkerGetsFailedRuns() {
    String flow = chain.build("contacts " + Runs.FAIL_MARKER, NOW.getEpochSecond()).flow();
    JsonNode run = runsOf(flow).get(0);
    assertTrue(run.at("/metrics/statusSummary/status").asText().equalsIgnoreCase("failed"));
    long input = run.at("/metrics/recordSummary/inputRecordCount").asLong();
    assertEquals(input, run.at("/metrics/recordSummary/failedRecordCount").asLong());
    assertEquals(0, run.at("/metrics/recordSummary/outputRecordCount").asLong());
    assertEquals(
        "failed", api.get("/flows/" + flow).json().at("/items/0/lastRunDetails/state").asText());
  }

  @Test
  void aFlowStartingLaterHasNoRunYetAndNoLastRunDetails() {
    String flow = chain.build("contacts", NOW.getEpochSecond() + 7_200).flow();
    assertEquals(0, runsOf(flow).size());
    assertTrue(api.get("/flows/" + flow).json().at("/items/0/lastRunDetails").isMissingNode());
  }

  @Test
  void runsAreBoundedAndBeginWhenTheFlowWasCreatedNotAtAStartTimeLongPast() {
    String flow = chain.build("contacts", NOW.getEpochSecond() - 30 * 86_400).flow();
    assertEquals(1, runsOf(flow).size());
    assertEquals(
        NOW.toEpochMilli(),
        runsOf(flow).get(0).at("/metrics/durationSummary/startedAtUTC").asLong());
    clock.advance(Duration.ofHours(22));
    assertEquals(Runs.SHOWN, runsOf(flow).size());
  }

  @Test
  void runsOfOneFlowOnlyAndCountsAndLimits() {
    String one = chain.build("one", NOW.getEpochSecond()).flow();
    chain.build("two", NOW.getEpochSecond());
    clock.advance(Duration.ofHours(2));
    assertEquals(3, runsOf(one).size());
    assertEquals(6, api.get("/runs").json().get("items").size());
    assertEquals(6, api.get("/runs?count=true").json().get("count").asInt());
    assertEquals(2, api.get("/runs?limit=2").json().get("items").size());
  }
}
