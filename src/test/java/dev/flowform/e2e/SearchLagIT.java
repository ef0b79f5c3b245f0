package dev.flowform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.cli.CliRun;
import dev.flowform.emulator.EmulatorConfig;
import dev.flowform.emulator.FaultKind;
import dev.flowform.emulator.Faults;
import dev.flowform.emulator.FlowServiceEmulator;
import dev.flowform.emulator.Operation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulator's name search lags a second behind each create and 30% of the creates land but lose
 * their answer (504): apply looks through its settling window, adopts what landed and makes no
 * duplicate.
 */
class SearchLagIT {
  private static final int CONNECTIONS = 20;

  @TempDir Path dir;
  private FlowServiceEmulator emulator;

  @AfterEach
  void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }

  @Test
  void lostAnswersBehindALaggingSearchAreAdoptedWithoutADuplicate() throws Exception {
    Faults faults =
        Faults.none()
            .with(FaultKind.TIMEOUT_AFTER_LANDING, 0.3)
            .onlyFor(Operation.CREATE)
            .withSearchLag(Duration.ofSeconds(1));
    emulator = FlowServiceEmulator.start(EmulatorConfig.builder().faults(faults).seed(7).build());
    Workspace ws = Numbered.connections(new Workspace(dir, emulator), CONNECTIONS);

    CliRun run = ws.run("apply", "--env", "test", "--auto-approve", "--no-color");

    assertEquals(0, run.exitCode(), run.out() + run.err());
    Matcher counts = Pattern.compile("(\\d+) created, (\\d+) adopted").matcher(run.out());
    assertTrue(counts.find(), run.out());
    assertTrue(Integer.parseInt(counts.group(2)) > 0, "no answer was lost: " + run.out());
    assertEquals(CONNECTIONS, emulator.requestCount("POST", "/connections"), run.out());
    Numbered.assertConvergedWithoutDuplicates(emulator, ws, CONNECTIONS);
  }
}
