package dev.flowform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.cli.CliRun;
import dev.flowform.emulator.EmulatorConfig;
import dev.flowform.emulator.Faults;
import dev.flowform.emulator.FlowServiceEmulator;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21, item 2, for the pipeline kinds: source connections whose creates land late (slow
 * answers, a search that lags behind), and an apply killed with SIGKILL while they are in flight.
 * The rerun must not POST any of them again before they could no longer land.
 */
class PipelineSlowCreateKillIT {
  private static final int PIPELINES = 4;

  @TempDir Path dir;
  private FlowServiceEmulator emulator;

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void aRerunWaitsOutTheSourceConnectionsInFlightAndAdoptsThemWithoutADuplicate() throws Exception {
    emulator =
        FlowServiceEmulator.start(
            EmulatorConfig.builder()
                .latency(Duration.ofMillis(300))
                .faults(Faults.none().withSearchLag(Duration.ofSeconds(8)))
                .build());
    Workspace ws = Pipelines.write(new Workspace(dir, emulator), PIPELINES);
    ws.setEnv("FLOWFORM_REQUEST_TIMEOUT", "4s");

    Process child = KillIT.startApply(ws, 16);
    KillIT.killWhen(() -> emulator.requestCount("POST", "/sourceConnections") >= PIPELINES, child);

    CliRun resumed =
        ws.run("apply", "--env", "test", "--auto-approve", "--no-color", "--settling-window", "6s");

    assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
    assertEquals(
        PIPELINES,
        emulator.requestCount("POST", "/sourceConnections"),
        "no source connection sent again: " + resumed.out());
    assertTrue(resumed.out().contains("adopted"), resumed.out());
    Pipelines.assertConvergedWithoutDuplicates(emulator, ws, PIPELINES);
  }
}
