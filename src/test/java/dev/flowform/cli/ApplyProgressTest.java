package dev.flowform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What apply prints while it runs, on the embedded emulator of a scaffolded project. */
class ApplyProgressTest {
  @TempDir Path root;

  @Test
  void withoutATerminalEachFinishedChangeGetsALine() {
    assertEquals(0, CliRun.run(root, Map.of(), "init").exitCode());
    CliRun run = CliRun.run(root, Map.of(), "apply", "--env", "local", "--auto-approve");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("example-hubspot: created (id "), run.out());
    assertFalse(run.out().contains("\r"));
  }

  @Test
  void quietLeavesOnlyThePlanAndTheReport() {
    assertEquals(0, CliRun.run(root, Map.of(), "init").exitCode());
    CliRun run = CliRun.run(root, Map.of(), "apply", "--env", "local", "--auto-approve", "--quiet");
    assertEquals(0, run.exitCode(), run.err());
    assertFalse(run.out().contains("example-hubspot: created"), run.out());
    assertTrue(run.out().contains("Plan: 1 to create"), run.out());
    assertTrue(run.out().contains("Apply complete!"), run.out());
  }
}
