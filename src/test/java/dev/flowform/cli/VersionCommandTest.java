package dev.flowform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionCommandTest {

  @Test
  void printsTheVersionMavenStampedAndExitsZero() {
    CliRun run = CliRun.run(Path.of("."), Map.of(), "version");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().startsWith("flowform 0.1.0 "), run.out());
  }

  @Test
  void anUnknownCommandIsAnErrorWithExitCodeTwoFromPicocli() {
    CliRun run = CliRun.run(Path.of("."), Map.of(), "nonsense");
    assertTrue(run.exitCode() != 0);
    assertTrue(run.err().contains("Unmatched argument"), run.err());
  }
}
