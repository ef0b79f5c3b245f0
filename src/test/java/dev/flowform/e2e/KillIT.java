package dev.flowform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowform.cli.CliRun;
import dev.flowform.emulator.EmulatedConnection;
import dev.flowform.emulator.EmulatorConfig;
import dev.flowform.emulator.FlowServiceEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real flowform process killed with SIGKILL in the middle of an apply. */
class KillIT {
  private static final int CONNECTIONS = 40;

  @TempDir Path dir;
  private FlowServiceEmulator emulator;

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void anApplyKilledMidwayLeavesAStateFromWhichTheNextApplyFinishesWithNoDuplicate()
      throws Exception {
    Workspace ws = slowWorkspace();
    Process child = startApply(ws);
    waitUntil(() -> emulator.connections(Workspace.SANDBOX).size() >= 8, child);
    child.destroyForcibly().waitFor();
    int landed = emulator.connections(Workspace.SANDBOX).size();
    assertTrue(landed < CONNECTIONS, "killed before the end: " + landed);

    CliRun resumed = ws.run("apply", "--env", "test", "--auto-approve");

    assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
    Numbered.assertConvergedWithoutDuplicates(emulator, ws, CONNECTIONS);
  }

  /** Enough connections, slow enough, for a child apply to be caught midway. */
  private Workspace slowWorkspace() {
    emulator =
        FlowServiceEmulator.start(EmulatorConfig.builder().latency(Duration.ofMillis(60)).build());
    // the emulator answers in 60 ms: a rerun waits out a killed run's POSTs for 5 s, not the
    // default two minutes (a POST the kill stopped before it went out never lands)
    return Numbered.connections(new Workspace(dir, emulator), CONNECTIONS)
        .setEnv("FLOWFORM_REQUEST_TIMEOUT", "5s");
  }

  @Test
  void sigtermStopsNewCreatesWaitsForThoseInFlightSavesStateAndExits130() throws Exception {
    Workspace ws = slowWorkspace();
    Process child = startApply(ws);
    waitUntil(() -> emulator.connections(Workspace.SANDBOX).size() >= 4, child);
    new ProcessBuilder("kill", "-TERM", Long.toString(child.pid())).start().waitFor();

    assertEquals(130, child.waitFor());
    List<EmulatedConnection> remote = emulator.connections(Workspace.SANDBOX);
    assertTrue(remote.size() < CONNECTIONS, "stopped early: " + remote.size());
    JsonNode resources = Numbered.recorded(ws);
    for (EmulatedConnection c : remote) {
      JsonNode recorded = resources.get(Numbered.address(c));
      assertEquals("created", recorded.get("status").asText(), "in flight, then recorded");
      assertEquals(c.id(), recorded.get("id").asText());
    }
    assertTrue(Files.readString(ws.root().resolve("child.log")).contains("Apply interrupted"));
  }

  private static Process startApply(Workspace ws) throws Exception {
    return startApply(ws, 2);
  }

  /** A flowform apply in a process of its own, its output in {@code child.log}. */
  static Process startApply(Workspace ws, int parallelism) throws Exception {
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
                Integer.toString(parallelism))
            .directory(ws.root().toFile())
            .redirectErrorStream(true)
            .redirectOutput(ws.root().resolve("child.log").toFile());
    builder.environment().putAll(ws.env());
    return builder.start();
  }

  /** Kills {@code child} with SIGKILL as soon as {@code condition} holds (it must, within 60 s). */
  static void killWhen(java.util.function.BooleanSupplier condition, Process child)
      throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (!condition.getAsBoolean()) {
      assertTrue(child.isAlive() && Instant.now().isBefore(deadline), "the child apply stalled");
      Thread.sleep(10);
    }
    child.destroyForcibly().waitFor();
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition, Process child)
      throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (!condition.getAsBoolean()) {
      if (!child.isAlive() || Instant.now().isAfter(deadline)) {
        throw new AssertionError("the child apply ended or stalled before it could be killed");
      }
      Thread.sleep(20);
    }
  }
}
