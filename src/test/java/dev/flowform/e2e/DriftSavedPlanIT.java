package dev.flowform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowform.cli.CliRun;
import dev.flowform.emulator.EmulatedConnection;
import dev.flowform.emulator.EmulatorConfig;
import dev.flowform.emulator.FlowServiceEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan saved while there is drift can be applied (issue 23, defect 2): the saved plan carries the
 * refreshed prior records of what it changes, {@code apply FILE} accepts it while the state's
 * serial and lineage are unchanged, and records the refresh with the change. The reason survives
 * into the saved plan and its Markdown.
 */
class DriftSavedPlanIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private FlowServiceEmulator emulator;
  private Workspace ws;

  @BeforeEach
  void start() throws Exception {
    emulator = FlowServiceEmulator.start(EmulatorConfig.defaults());
    ws = new Workspace(dir, emulator);
    ws.connection("sales-hubspot", "HubSpot sales");
    ws.connection("marketing-hubspot", "HubSpot marketing");
    CliRun apply = ws.run("apply", "--env", "test", "--auto-approve");
    assertEquals(0, apply.exitCode(), apply.err());
    RemoteEdits.rename(
        emulator, Workspace.ORG, Workspace.SANDBOX, named("HubSpot sales"), "Renamed by hand");
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private EmulatedConnection named(String name) {
    return emulator.connections(Workspace.SANDBOX).stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private JsonNode state() throws Exception {
    return JSON.readTree(Files.readString(ws.stateFile()));
  }

  @Test
  void aPlanSavedWhileThereIsDriftIsAppliedAndRecordsTheRefresh() throws Exception {
    long serial = state().get("serial").asLong();

    CliRun plan = ws.run("plan", "--env", "test", "--out", "drift.plan", "--output", "markdown");
    assertEquals(0, plan.exitCode(), plan.err());
    assertTrue(plan.out().contains("changed remotely (drift)"), plan.out());
    JsonNode saved = JSON.readTree(Files.readString(dir.resolve("drift.plan")));
    assertTrue(saved.toString().contains("\"changed-remotely\""), saved.toString());
    assertEquals(serial, state().get("serial").asLong(), "plan --out writes no state");

    CliRun apply = ws.run("apply", "drift.plan");

    assertEquals(0, apply.exitCode(), apply.out() + apply.err());
    EmulatedConnection sales = named("HubSpot sales");
    JsonNode record = state().get("resources").get("sales-hubspot");
    assertEquals(sales.id(), record.get("id").asText());
    assertEquals(sales.etag(), record.get("etag").asText());
    assertEquals("HubSpot sales", record.get("name").asText());
    CliRun again = ws.run("plan", "--env", "test", "--detailed-exitcode");
    assertEquals(0, again.exitCode(), again.out() + again.err());
  }

  @Test
  void theSavedPlanIsStillRefusedOnceTheStateMoved() {
    assertEquals(0, ws.run("plan", "--env", "test", "--out", "drift.plan").exitCode());
    assertEquals(0, ws.run("refresh", "--env", "test").exitCode());

    CliRun apply = ws.run("apply", "drift.plan");

    assertEquals(1, apply.exitCode(), apply.out() + apply.err());
    assertTrue(apply.err().contains("stale plan"), apply.err());
  }

  @Test
  void aRefreshedRecordNamingAnotherConnectionIsRefused() throws Exception {
    assertEquals(0, ws.run("plan", "--env", "test", "--out", "drift.plan").exitCode());
    Path file = dir.resolve("drift.plan");
    ObjectNode saved = (ObjectNode) JSON.readTree(Files.readString(file));
    JsonNode prior = saved.get("refreshedPrior");
    assertTrue(prior != null && prior.has("sales-hubspot"), saved.toString());
    String other = named("HubSpot marketing").id();
    ((ObjectNode) prior.get("sales-hubspot")).put("id", other);
    Files.writeString(file, JSON.writeValueAsString(saved));
    String before = Files.readString(ws.stateFile());

    CliRun apply = ws.run("apply", "drift.plan");

    assertEquals(1, apply.exitCode(), apply.out() + apply.err());
    assertTrue(apply.err().contains("saved plan refused"), apply.err());
    assertFalse(apply.err().contains("Exception"), apply.err());
    assertEquals(before, Files.readString(ws.stateFile()));
    assertEquals(
        "Renamed by hand",
        emulator.connections(Workspace.SANDBOX).stream()
            .filter(c -> c.id().equals(named("Renamed by hand").id()))
            .findFirst()
            .orElseThrow()
            .name());
  }
}
