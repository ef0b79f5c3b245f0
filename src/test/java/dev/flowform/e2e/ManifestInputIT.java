package dev.flowform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.cli.CliRun;
import dev.flowform.emulator.EmulatorConfig;
import dev.flowform.emulator.FlowServiceEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Manifests flowform cannot read whole (a dangling link, a link loop, a FIFO, a runaway value): an
 * error naming the path (and line and column) within seconds, and nothing sent.
 */
class ManifestInputIT {
  private static final Duration FAST = Duration.ofSeconds(30);

  @TempDir Path dir;
  private FlowServiceEmulator emulator;
  private Workspace ws;

  @BeforeEach
  void start() {
    emulator = FlowServiceEmulator.start(EmulatorConfig.defaults());
    ws = new Workspace(dir, emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void aManifestBehindADanglingSymlinkIsAnErrorAndPruneDeletesNothing() throws IOException {
    ws.connection("conn-1", "HubSpot 1").connection("conn-2", "HubSpot 2");
    assertEquals(0, ws.run("apply", "--env", "test", "--auto-approve").exitCode());
    Path link = ws.manifests().resolve("connections/conn-2.yaml");
    Files.delete(link);
    Files.createSymbolicLink(link, dir.resolve("shared/conn-2.yaml"));
    long sent = Sent.changes(emulator);

    CliRun validate = ws.run("validate", "--env", "test");
    CliRun prune = ws.run("apply", "--env", "test", "--auto-approve", "--prune");

    assertEquals(1, validate.exitCode(), validate.err());
    assertTrue(
        validate
            .err()
            .contains(
                "manifests/connections/conn-2.yaml: error: cannot read the manifests: broken symbolic link"),
        validate.err());
    assertEquals(1, prune.exitCode(), prune.err());
    assertTrue(prune.err().contains("manifests/connections/conn-2.yaml"), prune.err());
    assertEquals(2, emulator.connections(Workspace.SANDBOX).size());
    assertEquals(sent, Sent.changes(emulator));
  }

  @Test
  void aSymlinkLoopNamesItsPathAndNothingMisleading() throws IOException {
    ws.connection("conn-1", "HubSpot 1");
    Files.createSymbolicLink(ws.manifests().resolve("connections/loop"), ws.manifests());

    CliRun validate = assertTimeoutPreemptively(FAST, () -> ws.run("validate", "--env", "test"));

    assertEquals(1, validate.exitCode());
    assertTrue(
        validate
            .err()
            .contains(
                "manifests/connections/loop: error: cannot read the manifests: symbolic link loop"),
        validate.err());
    assertFalse(validate.err().contains("unknown environment"), validate.err());
    assertFalse(validate.err().contains("Exception"), validate.err());
  }

  @Test
  void aManifestThatIsAFifoIsRefusedWithoutWaitingForAWriter() throws Exception {
    ws.connection("conn-1", "HubSpot 1");
    mkfifo(ws.manifests().resolve("connections/pipe.yaml"));

    CliRun validate = assertTimeoutPreemptively(FAST, () -> ws.run("validate", "--env", "test"));

    assertEquals(1, validate.exitCode());
    assertTrue(
        validate
            .err()
            .contains(
                "manifests/connections/pipe.yaml: error: cannot read the manifests: not a regular file"),
        validate.err());
  }

  @Test
  void aFiftyMegabyteScalarFailsWithinSecondsAtThePlaceItCrossesTheLimit() throws IOException {
    ws.connection("conn-1", "HubSpot 1");
    String head =
        "apiVersion: flowform/v1\nkind: HubSpotConnection\nmetadata:\n  name: big\nspec:\n  name: ";
    try (var out = Files.newBufferedWriter(ws.manifests().resolve("connections/big.yaml"))) {
      out.write(head);
      String chunk = "x".repeat(1024 * 1024);
      for (int i = 0; i < 50; i++) {
        out.write(chunk);
      }
      out.write("\n");
    }

    CliRun validate = assertTimeoutPreemptively(FAST, () -> ws.run("validate"));

    assertEquals(1, validate.exitCode());
    assertTrue(
        validate
            .err()
            .matches(
                "(?s).*manifests/connections/big\\.yaml:6:\\d+: error: this manifest is larger than 1 MiB.*"),
        validate.err());
  }

  @Test
  void aHundredThousandCharacterNameFailsValidationInOneShortLine() {
    ws.connection("conn-1", "x".repeat(100_000));

    CliRun validate = assertTimeoutPreemptively(FAST, () -> ws.run("validate", "--env", "test"));

    assertEquals(1, validate.exitCode());
    assertTrue(
        validate
            .err()
            .contains(
                "manifests/connections/conn-1.yaml:6:16385: error: this line is longer than 16384 characters"),
        validate.err());
    validate.err().lines().forEach(line -> assertTrue(line.length() < 300, line));
  }

  @Test
  void aNameOverThePlatformLimitFailsValidationBeforeAnythingIsSent() {
    ws.connection("conn-1", "n".repeat(257), "d".repeat(1025));

    CliRun validate = ws.run("validate", "--env", "test");
    CliRun apply = ws.run("apply", "--env", "test", "--auto-approve");

    assertEquals(1, validate.exitCode());
    assertTrue(validate.err().contains("spec.name must be at most 256 characters"), validate.err());
    assertTrue(
        validate.err().contains("spec.description must be at most 1024 characters"),
        validate.err());
    validate.err().lines().forEach(line -> assertTrue(line.length() < 300, line));
    assertEquals(1, apply.exitCode());
    assertEquals(0, Sent.changes(emulator));
  }

  static void mkfifo(Path path) throws Exception {
    Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    assertEquals(0, mkfifo.waitFor());
  }
}
