package dev.flowform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowform.cli.CliRun;
import dev.flowform.emulator.EmulatorConfig;
import dev.flowform.emulator.FlowServiceEmulator;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code status --refresh} shows how each dataflow runs; a failed latest run is not in sync. */
class StatusHealthIT {
  @TempDir Path dir;
  private FlowServiceEmulator emulator;
  private Workspace ws;

  @BeforeEach
  void start() {
    emulator = FlowServiceEmulator.start(EmulatorConfig.defaults());
    ws = Pipelines.write(new Workspace(dir, emulator), 1);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private void pipeline(String n, String flowName, boolean enabled) {
    ws.connection("conn-" + n, "HubSpot " + n);
    ws.write(
        "pipelines/p-" + n + ".yaml",
        Pipelines.pipeline(n, "Vid" + n)
            .replace("name: Flow " + n, "name: " + flowName)
            .concat("  enabled: " + enabled + "\n"));
  }

  private void applied() {
    CliRun run = ws.run("apply", "--env", "test", "--auto-approve", "--no-color");
    assertEquals(0, run.exitCode(), run.out() + run.err());
  }

  private CliRun status(String... more) {
    String[] base = {"status", "--env", "test", "--refresh"};
    String[] args = Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return ws.run(args);
  }

  @Test
  void aHealthyDataflowShowsEnabledAndItsLatestRunAndStaysInSync() {
    applied();

    CliRun run = status("--detailed-exitcode");

    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("in sync, enabled, last run success ("), run.out());
  }

  @Test
  void aFailedLatestRunShowsAndMakesDetailedExitcodeExit2() {
    pipeline("001", "Flow 001 [fail-runs]", true);
    applied();

    CliRun run = status("--detailed-exitcode");

    assertEquals(2, run.exitCode(), run.out() + run.err());
    String failing =
        run.out().lines().filter(l -> l.startsWith("dataflow.p-001")).findFirst().orElseThrow();
    assertTrue(failing.contains("in sync, enabled, last run failed ("), run.out());
    assertTrue(failing.matches(".*\\((\\d+) read, \\1 failed\\).*"), failing);
    String healthy =
        run.out().lines().filter(l -> l.startsWith("dataflow.p-000")).findFirst().orElseThrow();
    assertTrue(healthy.contains("last run success"), run.out());
  }

  @Test
  void withoutDetailedExitcodeAFailedRunIsShownButTheCommandSucceeds() {
    pipeline("001", "Flow 001 [fail-runs]", true);
    applied();

    CliRun run = status();

    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("last run failed"), run.out());
  }

  @Test
  void aDisabledDataflowShowsDisabled() {
    pipeline("001", "Flow 001", false);
    applied();

    CliRun run = status();

    assertEquals(0, run.exitCode(), run.out() + run.err());
    String line =
        run.out().lines().filter(l -> l.startsWith("dataflow.p-001")).findFirst().orElseThrow();
    assertTrue(line.contains("in sync, disabled, "), run.out());
  }

  @Test
  void theJsonStatusCarriesTheHealth() throws Exception {
    pipeline("001", "Flow 001 [fail-runs]", true);
    applied();

    CliRun run = status("--output", "json");

    assertEquals(0, run.exitCode(), run.out() + run.err());
    JsonNode health =
        new ObjectMapper().readTree(run.out()).at("/connections/dataflow.p-001/test/health");
    assertEquals("failed", health.path("lastRun").asText().toLowerCase(java.util.Locale.ROOT));
    assertEquals("enabled", health.path("state").asText());
  }

  @Test
  void statusWithoutRefreshReadsNoRuns() {
    applied();
    long before = emulator.requestCount("GET", "/runs");

    CliRun run = ws.run("status", "--env", "test");

    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertEquals(before, emulator.requestCount("GET", "/runs"));
    assertTrue(!run.out().contains("last run"), run.out());
  }
}
