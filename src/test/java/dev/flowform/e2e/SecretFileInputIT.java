package dev.flowform.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.cli.CliRun;
import dev.flowform.emulator.EmulatorConfig;
import dev.flowform.emulator.FlowServiceEmulator;
import dev.flowform.plan.SavedPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secret file given by mistake where flowform reads JSON (a saved plan, {@code spec.state}) is
 * refused without its content being echoed: the parse error quotes no token of the file.
 */
class SecretFileInputIT {
  private static final String TOKEN = "AbcSECRETtoken0991xyz";

  @TempDir Path dir;
  private FlowServiceEmulator emulator;
  private Workspace ws;

  @BeforeEach
  void start() throws IOException {
    emulator = FlowServiceEmulator.start(EmulatorConfig.defaults());
    ws = new Workspace(dir, emulator);
    ws.connection("conn-1", "HubSpot 1");
    Files.createDirectories(dir.resolve(".secrets"));
    Files.writeString(dir.resolve(".secrets/token"), TOKEN + "\n");
    Files.writeString(dir.resolve(".secrets/numeric"), "123456789012345678901234567890\n");
    Files.writeString(dir.resolve(".secrets/quoted"), "{\"formatVersion\": \"" + TOKEN + "\n");
    Files.writeString(dir.resolve(".secrets/versioned"), "{\"formatVersion\": \"" + TOKEN + "\"}");
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void aSecretFileGivenAsASavedPlanIsRefusedWithoutEchoingIt() {
    for (String file : new String[] {".secrets/token", ".secrets/quoted", ".secrets/versioned"}) {
      assertRefusedSilently(ws.run("apply", file), TOKEN);
    }
    assertRefusedSilently(ws.run("apply", ".secrets/numeric"), "1234567890123");
  }

  @Test
  void aMalformedSavedPlanHoldingAManifestSecretNeverShowsIt() throws IOException {
    String secret = ws.env().get("HS_ACCESS_TOKEN");
    Path plan = dir.resolve("tampered.plan.json");
    Files.writeString(
        plan,
        "{\"formatVersion\": \"" + SavedPlan.FORMAT_VERSION + "\", \"" + secret + "\": true}");

    for (CliRun run :
        List.of(
            ws.run("apply", plan.toString()), ws.run("apply", "--env", "test", plan.toString()))) {
      assertNotEquals(0, run.exitCode(), run.out() + run.err());
      assertTrue(run.err().contains("is not a flowform plan"), run.err());
      assertFalse(run.err().contains(secret), run.err());
      assertFalse(run.out().contains(secret), run.out());
    }
  }

  @Test
  void aSecretFileGivenAsSpecStateIsRefusedWithoutEchoingIt() {
    ws.writeEnvironment("test", Workspace.SANDBOX, "  state: ../../.secrets/token\n");

    assertRefusedSilently(ws.run("plan", "--env", "test"), TOKEN);
    assertRefusedSilently(ws.run("state", "list", "--env", "test"), TOKEN);
  }

  private static void assertRefusedSilently(CliRun run, String secret) {
    assertNotEquals(0, run.exitCode(), run.out() + run.err());
    assertFalse(run.out().contains(secret), run.out());
    assertFalse(run.err().contains(secret.substring(0, 8)), run.err());
    assertTrue(run.err().contains("error:"), run.err());
  }
}
