package dev.flowform.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.cli.CliRun;
import dev.flowform.emulator.EmulatorConfig;
import dev.flowform.emulator.FlowServiceEmulator;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 21, item 8: a state URL whose password the parser takes for something else (no '@': a port;
 * in brackets: an IPv6 address) must not print it. Every value a state URL resolves is known to the
 * scrubber before the URL is parsed.
 */
class StateUrlSecretIT {
  private static final String PASSWORD = "pg-SECRET-pw-91";

  @TempDir Path dir;
  private FlowServiceEmulator emulator;

  @AfterEach
  void stop() {
    emulator.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "postgresql://postgres:${env:PW}/flowform",
        "postgresql://[${env:PW}]/flowform",
        "postgresql://${env:PW}/flowform"
      })
  void aPasswordTheParserTakesForAPortOrAHostNeverPrints(String url) {
    emulator = FlowServiceEmulator.start(EmulatorConfig.defaults());
    Workspace ws = new Workspace(dir, emulator).setEnv("PW", PASSWORD).setEnv("PGUSER", "flowform");
    ws.connection("conn-a", "HubSpot A");
    ws.writeEnvironment("test", Workspace.SANDBOX, "  state: \"" + url + "\"\n");

    for (String command : new String[] {"validate", "plan", "status"}) {
      CliRun run = ws.run(command, "--env", "test");
      String all = run.out() + run.err();
      assertFalse(all.contains("reads the environment variable or file of a secret"), all);
      assertFalse(all.contains(PASSWORD), command + ": " + all);
      assertFalse(all.contains("SECRET"), command + ": " + all);
    }
    CliRun validate = ws.run("validate", "--env", "test");
    String shown = validate.out() + validate.err();
    assertTrue(shown.contains("(sensitive)") || url.startsWith("postgresql://${"), shown);
  }
}
