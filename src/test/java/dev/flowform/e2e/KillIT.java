package dev.flowform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowform.cli.CliRun;
import dev.flowform.emulator.EmulatedConnection;
import dev.flowform.emulator.EmulatorConfig;
import dev.flowform.emulator.FlowServiceEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
    emulator =
        FlowServiceEmulator.start(EmulatorConfig.defaults().withLatency(Duration.ofMillis(60)));
    Workspace ws = new Workspace(dir, emulator);
    for (int i = 0; i < CONNECTIONS; i++) {
      ws.connection(String.format("conn-%03d", i), String.format("HubSpot %03d", i));
    }
    Process child = startApply(ws);
    waitUntil(() -> emulator.connections(Workspace.SANDBOX).size() >= 8, child);
    child.destroyForcibly().waitFor();
    int landed = emulator.connections(Workspace.SANDBOX).size();
    assertTrue(landed < CONNECTIONS, "killed before the end: " + landed);

    CliRun resumed = ws.run("apply", "--env", "test", "--auto-approve");

    assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
    List<EmulatedConnection> remote = emulator.connections(Workspace.SANDBOX);
    Set<String> names = new HashSet<>();
    remote.forEach(c -> assertTrue(names.add(c.name()), "duplicate " + c.name()));
    assertEquals(CONNECTIONS, remote.size());
    JsonNode resources =
        new ObjectMapper().readTree(Files.readString(ws.stateFile())).get("resources");
    assertEquals(CONNECTIONS, resources.size());
    for (EmulatedConnection c : remote) {
      String address = "conn-" + c.name().substring("HubSpot ".length());
      assertEquals(c.id(), resources.get(address).get("id").asText());
    }
  }

  @Test
  void sigtermStopsNewCreatesWaitsForThoseInFlightSavesStateAndExits130() throws Exception {
    emulator =
        FlowServiceEmulator.start(EmulatorConfig.defaults().withLatency(Duration.ofMillis(60)));
    Workspace ws = new Workspace(dir, emulator);
    for (int i = 0; i < CONNECTIONS; i++) {
      ws.connection(String.format("conn-%03d", i), String.format("HubSpot %03d", i));
    }
    Process child = startApply(ws);
    waitUntil(() -> emulator.connections(Workspace.SANDBOX).size() >= 4, child);
    new ProcessBuilder("kill", "-TERM", Long.toString(child.pid())).start().waitFor();

    assertEquals(130, child.waitFor());
    List<EmulatedConnection> remote = emulator.connections(Workspace.SANDBOX);
    assertTrue(remote.size() < CONNECTIONS, "stopped early: " + remote.size());
    JsonNode resources =
        new ObjectMapper().readTree(Files.readString(ws.stateFile())).get("resources");
    for (EmulatedConnection c : remote) {
      JsonNode recorded = resources.get("conn-" + c.name().substring("HubSpot ".length()));
      assertEquals("created", recorded.get("status").asText(), "in flight, then recorded");
      assertEquals(c.id(), recorded.get("id").asText());
    }
    assertTrue(Files.readString(ws.root().resolve("child.log")).contains("Apply interrupted"));
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
                "2")
            .directory(ws.root().toFile())
            .redirectErrorStream(true)
            .redirectOutput(ws.root().resolve("child.log").toFile());
    builder.environment().putAll(ws.env());
    return builder.start();
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
