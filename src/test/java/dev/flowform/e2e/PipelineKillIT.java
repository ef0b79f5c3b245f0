package dev.flowform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowform.cli.CliRun;
import dev.flowform.emulator.EmulatorConfig;
import dev.flowform.emulator.FaultKind;
import dev.flowform.emulator.Faults;
import dev.flowform.emulator.FlowServiceEmulator;
import dev.flowform.emulator.Operation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 50 whole pipelines (250 resources with their base connections) at 50 ms latency: a real flowform
 * process killed with SIGKILL midway, then a rerun, converges with every resource once, all
 * recorded, and a clean plan; the same when a quarter of the creates lose their answer.
 */
class PipelineKillIT {
  private static final int PIPELINES = 50;
  private static final Duration LATENCY = Duration.ofMillis(50);

  @TempDir Path dir;
  private FlowServiceEmulator emulator;

  @AfterEach
  void stop() {
    emulator.close();
  }

  private Workspace workspace(Faults faults) {
    return workspace(faults, true);
  }

  private Workspace workspace(Faults faults, boolean distinctMappings) {
    emulator =
        FlowServiceEmulator.start(
            EmulatorConfig.builder().latency(LATENCY).faults(faults).seed(19).build());
    // the emulator answers in 50 ms: a rerun waits out a killed run's POSTs for 5 s, not the
    // default two minutes (a POST the kill stopped before it went out never lands)
    return Pipelines.write(new Workspace(dir, emulator), PIPELINES, distinctMappings)
        .setEnv("FLOWFORM_REQUEST_TIMEOUT", "5s");
  }

  @Test
  void anApplyOfFiftyPipelinesKilledMidwayIsFinishedByTheNextWithNoDuplicate() throws Exception {
    Workspace ws = workspace(Faults.none());

    killMidway(ws);
    CliRun resumed = ws.run("apply", "--env", "test", "--auto-approve", "--no-color");

    assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
    assertConvergedAndClean(ws);
  }

  @Test
  void aQuarterOfCreatesLosingTheirAnswerAndAKillStillConvergeWithNoDuplicate() throws Exception {
    Workspace ws =
        workspace(
            Faults.none().with(FaultKind.TIMEOUT_AFTER_LANDING, 0.25).onlyFor(Operation.CREATE));

    killMidway(ws);
    CliRun resumed = ws.run("apply", "--env", "test", "--auto-approve", "--no-color");

    assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
    assertConvergedAndClean(ws);
  }

  @Test
  void mappingSetsAlikeInContentAreEachFoundOnceAfterLostAnswersAndAKill() throws Exception {
    Workspace ws =
        workspace(
            Faults.none().with(FaultKind.TIMEOUT_AFTER_LANDING, 0.25).onlyFor(Operation.CREATE),
            false);

    killMidway(ws);
    CliRun resumed = ws.run("apply", "--env", "test", "--auto-approve", "--no-color");

    assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
    assertConvergedAndClean(ws);
  }

  @Test
  void aQuarterOfCreatesLosingTheirAnswerConvergeInOneApply() throws Exception {
    Workspace ws =
        workspace(
            Faults.none().with(FaultKind.TIMEOUT_AFTER_LANDING, 0.25).onlyFor(Operation.CREATE));

    CliRun run =
        ws.run("apply", "--env", "test", "--auto-approve", "--parallelism", "16", "--no-color");

    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertConvergedAndClean(ws);
  }

  private void assertConvergedAndClean(Workspace ws) throws Exception {
    Pipelines.assertConvergedWithoutDuplicates(emulator, ws, PIPELINES);
    CliRun plan = ws.run("plan", "--env", "test", "--detailed-exitcode", "--no-color");
    assertEquals(0, plan.exitCode(), plan.out() + plan.err());
  }

  /** Starts a child apply and kills it once a good part of the pipelines exists, not all. */
  private void killMidway(Workspace ws) throws Exception {
    Process child = startApply(ws);
    waitUntil(() -> emulator.resources(Workspace.SANDBOX).size() >= 60, child, ws);
    child.destroyForcibly().waitFor();
    int landed = emulator.resources(Workspace.SANDBOX).size();
    assertTrue(landed < 4 * PIPELINES, "killed before the end: " + landed);
    long pending = 0;
    for (JsonNode r : Numbered.recorded(ws)) {
      pending += "pending".equals(r.path("status").asText()) ? 1 : 0;
    }
    assertTrue(pending > 0, "the kill left creates pending: " + pending);
  }

  private static Process startApply(Workspace ws) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.flowform.cli.Main",
                "apply",
                "--env",
                "test",
                "--auto-approve",
                "--parallelism",
                "8")
            .directory(ws.root().toFile())
            .redirectErrorStream(true)
            .redirectOutput(ws.root().resolve("child.log").toFile());
    builder.environment().putAll(ws.env());
    return builder.start();
  }

  private static void waitUntil(BooleanSupplier condition, Process child, Workspace ws)
      throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(120);
    while (!condition.getAsBoolean()) {
      if (!child.isAlive() || Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "the child apply ended or stalled before it could be killed:\n"
                + ws.read(ws.root().resolve("child.log")));
      }
      Thread.sleep(10);
    }
  }
}
