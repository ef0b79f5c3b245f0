package dev.flowform.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.cli.CliRun;
import dev.flowform.emulator.EmulatorConfig;
import dev.flowform.emulator.FlowServiceEmulator;
import dev.flowform.state.FileStateLock;
import dev.flowform.state.LockHandle;
import dev.flowform.state.LockRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * State, journal and plan files that would mislead or stall a run: refused at once, untouched, with
 * a pointer to the line and the right backup, and nothing sent.
 */
class StateIntegrityIT {
  private static final Duration FAST = Duration.ofSeconds(30);

  @TempDir Path dir;
  private FlowServiceEmulator emulator;
  private Workspace ws;

  @BeforeEach
  void start() {
    emulator = FlowServiceEmulator.start(EmulatorConfig.defaults());
    ws = new Workspace(dir, emulator);
    ws.connection("conn-1", "HubSpot 1").connection("conn-2", "HubSpot 2");
    assertEquals(0, ws.run("apply", "--env", "test", "--auto-approve").exitCode());
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void aStateWhereTwoAddressesShareOneIdIsRefusedUntouchedWithItsLine() throws Exception {
    String state = ws.read(ws.stateFile());
    String id1 = Numbered.recorded(ws).get("conn-1").get("id").asText();
    String id2 = Numbered.recorded(ws).get("conn-2").get("id").asText();
    Files.writeString(ws.stateFile(), state.replace(id2, id1));
    int line = lineOf(ws.read(ws.stateFile()), id1, 2);

    assertRefusedUntouched(
        ".flowform/test.state.json:" + line + ":",
        "'resources.conn-2.id' is the connection already recorded for 'conn-1'");
  }

  @Test
  void anIdThatIsNotAUuidIsRefused() throws Exception {
    String id1 = Numbered.recorded(ws).get("conn-1").get("id").asText();
    Files.writeString(ws.stateFile(), ws.read(ws.stateFile()).replace(id1, "not-a-connection-id"));

    assertRefusedUntouched(".flowform/test.state.json:", "'resources.conn-1.id' is not a UUID");
  }

  @Test
  void aJournalOfAnotherStateIsRefused() throws Exception {
    Path journal = dir.resolve(".flowform/test.state.json.journal");
    Files.writeString(
        journal,
        "{\"journal\":1,\"lineage\":\"" + UUID.randomUUID() + "\",\"base\":\"sha256:00\"}\n");

    assertRefusedUntouched(
        ".flowform/test.state.json.journal:1", "it belongs to another state: its lineage is");
    assertTrue(Files.exists(journal));
  }

  @Test
  void aCorruptStateFilePointsToItsBackupByItsRealName() throws Exception {
    String state = ws.read(ws.stateFile());
    Files.writeString(
        ws.stateFile(), state.replaceFirst("\"serial\": [0-9]+", "\"serial\": \"two\""));

    CliRun plan = ws.run("plan", "--env", "test", "--refresh=false");

    assertEquals(1, plan.exitCode());
    assertTrue(plan.err().contains("corrupt state file .flowform/test.state.json:"), plan.err());
    assertTrue(plan.err().contains("from .flowform/test.state.json.backup"), plan.err());
  }

  @Test
  void aStateFileThatIsAFifoFailsAtOnce() throws Exception {
    Files.delete(ws.stateFile());
    ManifestInputIT.mkfifo(ws.stateFile());

    CliRun plan =
        assertTimeoutPreemptively(FAST, () -> ws.run("plan", "--env", "test", "--refresh=false"));

    assertEquals(1, plan.exitCode());
    assertTrue(
        plan.err().contains("state file .flowform/test.state.json is a FIFO, socket or device"),
        plan.err());
  }

  @Test
  void applyingDevZeroFailsAtOnceWithoutAStackTrace() {
    CliRun apply = assertTimeoutPreemptively(FAST, () -> ws.run("apply", "/dev/zero"));

    assertEquals(1, apply.exitCode());
    assertTrue(
        apply.err().contains("plan file /dev/zero is a FIFO, socket or device"), apply.err());
    assertFalse(apply.err().contains("\tat "), apply.err());
    assertEquals(2, apply.err().lines().count(), apply.err());
  }

  @Test
  void aLockedStateNamesTheEnvironmentInItsForceUnlockHint() {
    FileStateLock lock =
        new FileStateLock(ws.stateFile(), Clock.systemUTC(), 1, "test", UUID::randomUUID);
    try (LockHandle held = lock.acquire(new LockRequest("apply", "someone@ci"), Duration.ZERO)) {
      CliRun plan = ws.run("plan", "--env", "test", "--refresh=false");

      assertEquals(1, plan.exitCode());
      assertTrue(
          plan.err().contains("run: flowform force-unlock --env test " + held.info().id()),
          plan.err());
    }
  }

  private void assertRefusedUntouched(String where, String why) throws Exception {
    byte[] before = Files.readAllBytes(ws.stateFile());
    long sent = Sent.changes(emulator);

    CliRun apply = ws.run("apply", "--env", "test", "--auto-approve");

    assertEquals(1, apply.exitCode(), apply.out() + apply.err());
    assertTrue(apply.err().contains(where), apply.err());
    assertTrue(apply.err().contains(why), apply.err());
    assertTrue(
        apply.err().contains("restore the previous version from .flowform/test.state.json.backup"),
        apply.err());
    assertArrayEquals(before, Files.readAllBytes(ws.stateFile()));
    assertEquals(sent, Sent.changes(emulator));
  }

  /** The 1-based line of the n-th occurrence of {@code text}. */
  private static int lineOf(String content, String text, int occurrence) {
    int at = -1;
    for (int i = 0; i < occurrence; i++) {
      at = content.indexOf(text, at + 1);
    }
    return (int) content.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }
}
