package dev.flowform.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.flowform.diag.Scrubber;
import dev.flowform.testing.StateFixtures;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files beside a state hold what it holds: they take its mode and go through the scrubber. */
class StateNeighboursTest {
  @TempDir Path dir;

  @BeforeEach
  void posixOnly() {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
  }

  private Path file() {
    return dir.resolve("dev.state.json");
  }

  /** The journal beside the state: {@code <state>.journal}. */
  private Path journal() {
    return file().resolveSibling(file().getFileName() + ".journal");
  }

  private static String mode(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  @Test
  void aNewStateItsJournalBackupLockAndLockInfoAreReadableByTheOwnerOnly() throws IOException {
    FileStateStore store = new FileStateStore(file());
    store.write(StateFixtures.withResources(2));
    store.write(StateFixtures.withResources(3));
    State next = StateFixtures.withResources(3).with("new-one", StateFixtures.pending(9));
    store.record(next, "new-one");
    FileStateLock lock = new FileStateLock(file(), Clock.systemUTC(), 1, "test", UUID::randomUUID);
    try (LockHandle held = lock.acquire(new LockRequest("apply", "me@host"), Duration.ZERO)) {
      for (Path each :
          new Path[] {file(), journal(), store.backupFile(), lock.lockFile(), lock.infoFile()}) {
        assertEquals("rw-------", mode(each), each.getFileName().toString());
      }
      assertEquals("me@host", held.info().who(), "the lock info is the one just written");
    }
  }

  @Test
  void theNeighboursTakeTheModeTheStateWasGiven() throws IOException {
    FileStateStore store = new FileStateStore(file());
    store.write(StateFixtures.withResources(2));
    Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r-----"));

    store.record(StateFixtures.withResources(2).with("x", StateFixtures.pending(9)), "x");
    new FileStateStore(file()).write(StateFixtures.withResources(4));

    assertEquals("rw-r-----", mode(file()), "a rewrite keeps the state's mode");
    assertEquals("rw-r-----", mode(store.backupFile()));
  }

  @Test
  void aJournalLineHoldingAKnownSecretIsRefusedNotRewritten() throws IOException {
    Scrubber scrubber = new Scrubber();
    scrubber.add("Marketing CRM contacts 9");
    FileStateStore store = new FileStateStore(file(), scrubber);
    store.write(StateFixtures.withResources(1));

    assertThrows(
        dev.flowform.diag.FlowformException.class,
        () ->
            store.record(StateFixtures.withResources(1).with("x", StateFixtures.pending(9)), "x"));

    assertFalse(Files.exists(journal()), "nothing journaled");
    assertFalse(Files.readString(file()).contains("Marketing CRM contacts 9"));
  }
}
