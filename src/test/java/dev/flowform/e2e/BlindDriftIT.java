package dev.flowform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.cli.CliRun;
import dev.flowform.emulator.EmulatorConfig;
import dev.flowform.emulator.FlowServiceEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A drift check never passes blind (issue 23, defect 1): with the AEP credentials missing, a plan
 * that would refresh and {@code status --refresh} fail naming the variable, instead of planning
 * offline and saying "No changes" while a connection was deleted by hand.
 */
class BlindDriftIT {
  @TempDir java.nio.file.Path dir;
  private FlowServiceEmulator emulator;
  private Workspace ws;

  @BeforeEach
  void start() {
    emulator = FlowServiceEmulator.start(EmulatorConfig.defaults());
    ws = new Workspace(dir, emulator);
    ws.connection("marketing-hubspot", "HubSpot marketing");
    CliRun apply = ws.run("apply", "--env", "test", "--auto-approve");
    assertEquals(0, apply.exitCode(), apply.err());
    String id = emulator.connections(Workspace.SANDBOX).get(0).id();
    assertTrue(emulator.removeConnection(id));
    ws.setEnv("AEP_CLIENT_SECRET", "");
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void aDriftCheckWithoutCredentialsFailsNamingTheVariable() {
    CliRun plan = ws.run("plan", "--env", "test", "--detailed-exitcode");

    assertEquals(1, plan.exitCode(), plan.out() + plan.err());
    assertTrue(plan.err().contains("AEP_CLIENT_SECRET is not set"), plan.err());
    assertTrue(plan.err().contains("--refresh=false"), plan.err());
    assertFalse(plan.out().contains("No changes"), plan.out());
  }

  @Test
  void anExplicitRefreshWithoutCredentialsFailsToo() {
    CliRun plan = ws.run("plan", "--env", "test", "--refresh", "--output", "json");

    assertEquals(1, plan.exitCode(), plan.out() + plan.err());
    assertTrue(plan.err().contains("AEP_CLIENT_SECRET is not set"), plan.err());
  }

  @Test
  void offlinePlanningAskedForStillRunsWithoutCredentials() {
    CliRun plan = ws.run("plan", "--env", "test", "--refresh=false", "--detailed-exitcode");

    assertEquals(0, plan.exitCode(), plan.out() + plan.err());
    assertTrue(plan.out().contains("planned offline"), plan.out());
  }

  @Test
  void statusRefreshFailsForAnEnvironmentItCannotReadAndStillShowsTheMatrix() {
    CliRun status = ws.run("status", "--refresh", "--detailed-exitcode");

    assertEquals(1, status.exitCode(), status.out() + status.err());
    assertTrue(status.out().contains("TEST (offline)"), status.out());
    assertTrue(status.out().contains("marketing-hubspot"), status.out());
    assertTrue(status.err().contains("could not read environment \"test\""), status.err());
    assertTrue(status.err().contains("AEP_CLIENT_SECRET is not set"), status.err());
  }

  @Test
  void withTheCredentialsBackTheDriftIsFound() {
    ws.setEnv("AEP_CLIENT_SECRET", "p8e-AEP-CLIENT-SECRET-e2e");

    CliRun plan = ws.run("plan", "--env", "test", "--detailed-exitcode");
    CliRun status = ws.run("status", "--refresh", "--detailed-exitcode");

    assertEquals(2, plan.exitCode(), plan.out() + plan.err());
    assertEquals(2, status.exitCode(), status.out() + status.err());
    assertTrue(status.out().contains("drift: deleted remotely"), status.out());
  }
}
