package dev.flowform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.cli.CliRun;
import dev.flowform.emulator.EmulatedConnection;
import dev.flowform.emulator.EmulatorConfig;
import dev.flowform.emulator.FlowServiceEmulator;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How flowform reads the platform: a sandbox read in a few paged lists rather than a request per
 * connection, and connections that duplicate a managed one reported.
 */
class ReadsIT {
  @TempDir Path dir;
  private FlowServiceEmulator emulator;

  @AfterEach
  void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }

  private Workspace workspace(int connections) {
    emulator = FlowServiceEmulator.start(EmulatorConfig.defaults());
    return Numbered.connections(new Workspace(dir, emulator), connections);
  }

  @Test
  void applyOfManyCreatesSendsTheCreatesAndAFewReadsNotALookupPerConnection() throws Exception {
    Workspace ws = workspace(60);

    CliRun run = ws.run("apply", "--env", "test", "--auto-approve", "--no-color");

    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertEquals(60, emulator.requestCount("POST", "/connections"));
    assertTrue(emulator.requestCount("GET", "/connections") <= 2, emulator.requestCounts() + "");
    Numbered.assertConvergedWithoutDuplicates(emulator, ws, 60);
  }

  @Test
  void refreshOfRecordedConnectionsReadsPagesNotEachId() {
    Workspace ws = workspace(60);
    assertEquals(0, ws.run("apply", "--env", "test", "--auto-approve").exitCode());
    long listsBefore = emulator.requestCount("GET", "/connections");

    CliRun run = ws.run("refresh", "--env", "test");

    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertEquals(0, emulator.requestCount("GET", "/connections/{id}"));
    assertTrue(emulator.requestCount("GET", "/connections") - listsBefore <= 2);
  }

  @Test
  void aDuplicateOfAManagedConnectionIsReportedWithItsIdAndCreationAndCounted() {
    Workspace ws = workspace(3);
    assertEquals(0, ws.run("apply", "--env", "test", "--auto-approve").exitCode());
    assertEquals(
        0, ws.run("plan", "--env", "test", "--detailed-exitcode").exitCode(), "in sync first");
    EmulatedConnection twin =
        emulator.addConnection(
            Workspace.ORG, Workspace.SANDBOX, "HubSpot 001", Map.of("clientId", "someone"));

    CliRun plan = ws.run("plan", "--env", "test", "--detailed-exitcode", "--no-color");
    CliRun refresh = ws.run("refresh", "--env", "test");

    assertEquals(2, plan.exitCode(), plan.out() + plan.err());
    assertTrue(plan.out().contains("duplicate " + twin.id() + ", created "), plan.out());
    assertTrue(plan.out().contains("(conn-001)"), plan.out());
    assertTrue(plan.out().contains("Hint: delete each duplicate"), plan.out());
    assertEquals(0, refresh.exitCode(), refresh.out() + refresh.err());
    assertTrue(refresh.out().contains("conn-001: duplicate " + twin.id()), refresh.out());
  }
}
