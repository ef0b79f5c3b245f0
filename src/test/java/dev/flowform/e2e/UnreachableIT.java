package dev.flowform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.cli.CliRun;
import dev.flowform.emulator.EmulatorConfig;
import dev.flowform.emulator.FlowServiceEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A platform or IMS that cannot be reached, or refuses the credentials, ends the run at once with
 * one error naming the host and the cause: no retry per connection, no error per connection.
 */
class UnreachableIT {
  /** The bound: generous, so a loaded machine does not fail it; a run takes ~1-2 s. */
  private static final Duration BOUND = Duration.ofSeconds(10);

  @TempDir Path dir;
  private FlowServiceEmulator emulator;

  @AfterEach
  void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }

  @Test
  void planOf200ConnectionsAgainstAClosedPortEndsInSecondsWithOneError() {
    emulator = FlowServiceEmulator.start(EmulatorConfig.defaults());
    Workspace ws = Numbered.connections(new Workspace(dir, emulator), 200);
    int port = emulator.port();
    emulator.close();

    Instant start = Instant.now();
    CliRun run = ws.run("plan", "--env", "test", "--no-color");
    Duration took = Duration.between(start, Instant.now());

    assertEquals(1, run.exitCode(), run.out() + run.err());
    assertTrue(took.compareTo(BOUND) < 0, "took " + took);
    String[] lines = run.err().strip().split("\n");
    assertTrue(lines.length <= 5, run.err());
    assertTrue(
        run.err().contains("could not reach 127.0.0.1:" + port + ": connection refused"),
        run.err());
    assertTrue(run.err().contains("hint: "), run.err());
  }

  @Test
  void applyOf200ConnectionsAgainstAClosedPortSendsNothingAndWritesNoState() {
    emulator = FlowServiceEmulator.start(EmulatorConfig.defaults());
    Workspace ws = Numbered.connections(new Workspace(dir, emulator), 200);
    emulator.close();

    CliRun run = ws.run("apply", "--env", "test", "--auto-approve", "--no-color");

    assertEquals(1, run.exitCode(), run.out() + run.err());
    assertTrue(run.err().strip().split("\n").length <= 5, run.err());
    assertFalse(Files.exists(ws.stateFile()), "no state may be written");
  }

  @Test
  void aSavedPlanAppliedAgainstAClosedPortStopsStartingChangesAndGroupsTheErrors() {
    emulator = FlowServiceEmulator.start(EmulatorConfig.defaults());
    Workspace ws = Numbered.connections(new Workspace(dir, emulator), 200);
    assertEquals(
        0, ws.run("plan", "--env", "test", "--refresh=false", "--out", "saved.plan").exitCode());
    emulator.close();

    CliRun run = ws.run("apply", "--env", "test", "--no-color", "saved.plan");

    assertEquals(1, run.exitCode(), run.out() + run.err());
    assertTrue(run.err().strip().split("\n").length <= 5, run.err());
    assertTrue(run.err().contains("connection refused"), run.err());
    assertTrue(run.out().contains("not started"), run.out());
  }

  @Test
  void credentialsImsRefusesAreAskedForOnceAndReportedOnce() {
    emulator = FlowServiceEmulator.start(EmulatorConfig.builder().client("ci", "right").build());
    Workspace ws =
        Numbered.connections(new Workspace(dir, emulator), 50)
            .setEnv("AEP_CLIENT_ID", "ci")
            .setEnv("AEP_CLIENT_SECRET", "wrong-secret-e2e");

    CliRun run = ws.run("plan", "--env", "test", "--no-color");

    assertEquals(1, run.exitCode(), run.out() + run.err());
    assertTrue(run.err().strip().split("\n").length <= 5, run.err());
    assertTrue(run.err().contains("IMS refused the token request"), run.err());
    long imsRequests =
        emulator.requestCounts().entrySet().stream()
            .filter(e -> e.getKey().contains("/ims/"))
            .mapToLong(e -> e.getValue())
            .sum();
    assertEquals(1, imsRequests, emulator.requestCounts().toString());
    assertEquals(0, emulator.requestCount("GET", "/connections"));
  }
}
