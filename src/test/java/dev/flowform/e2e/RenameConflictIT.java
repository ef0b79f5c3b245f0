package dev.flowform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.cli.CliRun;
import dev.flowform.emulator.EmulatedConnection;
import dev.flowform.emulator.EmulatorConfig;
import dev.flowform.emulator.FlowServiceEmulator;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renaming a managed connection onto the name of a connection this state does not manage is a
 * conflict in the plan: nothing is sent, and the other connection is left alone.
 */
class RenameConflictIT {
  private static final String ONE = "/connections/{id}";

  @TempDir Path dir;
  private FlowServiceEmulator emulator;
  private Workspace ws;

  @BeforeEach
  void start() {
    emulator = FlowServiceEmulator.start(EmulatorConfig.defaults());
    ws = new Workspace(dir, emulator);
    ws.connection("conn-1", "HubSpot 1");
    CliRun first = ws.run("apply", "--env", "test", "--auto-approve");
    assertEquals(0, first.exitCode(), first.err());
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void aRenameOntoAnUnmanagedConnectionsNameIsAConflictAndNothingIsSent() {
    EmulatedConnection theirs =
        emulator.addConnection(
            Workspace.ORG, Workspace.SANDBOX, "Other team", Map.of("clientId", "theirs"));
    ws.connection("conn-1", "Other team");
    long patches = emulator.requestCount("PATCH", ONE);
    String stateBefore = ws.read(ws.stateFile());

    CliRun plan = ws.run("plan", "--env", "test");
    CliRun apply = ws.run("apply", "--env", "test", "--auto-approve");

    assertTrue(plan.out().contains("conn-1"), plan.out());
    assertTrue(plan.out().contains(theirs.id()), plan.out());
    assertTrue(plan.out().toLowerCase().contains("conflict"), plan.out());
    assertEquals(1, apply.exitCode(), apply.out() + apply.err());
    assertEquals(patches, emulator.requestCount("PATCH", ONE));
    assertEquals(stateBefore, ws.read(ws.stateFile()));
    assertEquals(
        1,
        emulator.connections(Workspace.SANDBOX).stream()
            .filter(c -> c.name().equals("HubSpot 1"))
            .count());
    CliRun again = ws.run("plan", "--env", "test");
    assertFalse(again.out().toLowerCase().contains("duplicate"), again.out());
  }

  @Test
  void aRenameOntoAFreeNameIsAnUpdate() {
    ws.connection("conn-1", "HubSpot one");

    CliRun apply = ws.run("apply", "--env", "test", "--auto-approve");

    assertEquals(0, apply.exitCode(), apply.out() + apply.err());
    CliRun again = ws.run("plan", "--env", "test", "--detailed-exitcode");
    assertEquals(0, again.exitCode(), again.out() + again.err());
  }
}
