package dev.flowform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowform.cli.CliRun;
import dev.flowform.emulator.EmulatorConfig;
import dev.flowform.emulator.FlowServiceEmulator;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A conflict leaves the manifests unmet: exit 1, a JSON status that agrees, hints that run. */
class ConflictReportIT {
  @TempDir Path dir;
  private FlowServiceEmulator emulator;

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void aConflictFailsInTheExitCodeTheJsonStatusAndPointsToAnImportThatRuns() throws Exception {
    emulator = FlowServiceEmulator.start(EmulatorConfig.defaults());
    Workspace ws = new Workspace(dir, emulator);
    ws.writeEnvironment("other", "other");
    ws.connection("conn-1", "HubSpot 1");
    String id =
        emulator
            .addConnection(Workspace.ORG, Workspace.SANDBOX, "HubSpot 1", Map.of("clientId", "x"))
            .id();

    CliRun apply = ws.run("apply", "--env", "test", "--auto-approve", "--output", "json");

    assertEquals(1, apply.exitCode(), apply.err());
    assertEquals("failed", new ObjectMapper().readTree(apply.out()).get("status").asText());
    assertTrue(apply.err().contains("flowform import --env test conn-1 " + id), apply.err());
    assertTrue(apply.err().contains("hint: flowform import --env test ADDRESS ID"), apply.err());

    CliRun imported = ws.run("import", "--env", "test", "conn-1", id);
    assertEquals(0, imported.exitCode(), imported.err());
    assertTrue(imported.out().contains("Run flowform plan --env test"), imported.out());
  }
}
