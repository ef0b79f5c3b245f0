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
 * Issue 21, item 2: creates that land late (slow answers, a search that lags behind), and an apply
 * killed with SIGKILL while they are in flight. The rerun must not POST any of them again before
 * they could no longer land: the request timeout plus the settling window after each POST.
 */
class SlowCreateKillIT {
  private static final int CONNECTIONS = 4;

  @TempDir Path dir;
  private FlowServiceEmulator emulator;

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void aRerunRightAfterAKillWaitsOutTheCreatesInFlightAndAdoptsThemWithoutADuplicate()
      throws Exception {
    emulator =
        FlowServiceEmulator.start(
            EmulatorConfig.builder()
                .latency(Duration.ofMillis(300))
                .faults(Faults.none().withSearchLag(Duration.ofSeconds(8)))
                .build());
    Workspace ws = Numbered.connections(new Workspace(dir, emulator), CONNECTIONS);
    ws.setEnv("FLOWFORM_REQUEST_TIMEOUT", "4s");

    Process child = KillIT.startApply(ws, CONNECTIONS);
    KillIT.killWhen(() -> emulator.requestCount("POST", "/connections") >= CONNECTIONS, child);
    assertEquals(0, emulator.connections(Workspace.SANDBOX).size(), "killed before any landed");

    CliRun resumed = ws.run("apply", "--env", "test", "--auto-approve", "--settling-window", "6s");

    assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
    assertEquals(
        CONNECTIONS,
        emulator.requestCount("POST", "/connections"),
        "no create sent again: " + resumed.out());
    assertTrue(resumed.out().contains("adopted"), resumed.out());
    Numbered.assertConvergedWithoutDuplicates(emulator, ws, CONNECTIONS);
  }
}
