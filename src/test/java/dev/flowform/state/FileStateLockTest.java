package dev.flowform.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.diag.FlowformException;
import dev.flowform.diag.Scrubber;
import dev.flowform.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStateLockTest {
  static final Instant NOW = Fixtures.T0;
  static final UUID FIRST = UUID.fromString("12345678-0000-4000-8000-000000000001");
  static final UUID SECOND = UUID.fromString("12345678-0000-4000-8000-000000000002");
  static final LockRequest APPLY = new LockRequest("apply", "alice@build-7");
  static final LockRequest PLAN = new LockRequest("plan", "bob@laptop");

  @TempDir Path dir;
  private final ExecutorService executor = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopExecutor() {
    executor.shutdownNow();
  }

  private Path stateFile() {
    return dir.resolve(".flowform/dev.state.json");
  }

  private FileStateLock lock(long pid, UUID id) {
    return new FileStateLock(stateFile(), Clock.fixed(NOW, ZoneOffset.UTC), pid, "0.1.0", () -> id);
  }

  @Test
  void writesWhoHoldsItWhileHeldAndRemovesThatOnRelease() throws IOException {
    FileStateLock lock = lock(42, FIRST);

    try (LockHandle held = lock.acquire(APPLY, Duration.ZERO)) {
      assertEquals(
          new LockInfo(
              FIRST.toString(),
              "apply",
              "alice@build-7",
              42,
              "0.1.0",
              NOW,
              stateFile().toAbsolutePath().toString()),
          held.info());
      String written = Files.readString(lock.infoFile());
      assertTrue(written.startsWith("{\n  \"id\": \"" + FIRST + "\",\n  \"operation\": \"apply\""));
      assertTrue(written.contains("\"created\": \"2026-11-28T10:00:00Z\""), written);
    }

    assertFalse(Files.exists(lock.infoFile()));
  }

  @Test
  void aSecondRunFailsAtOnceNamingTheHolder() {
    try (LockHandle held = lock(42, FIRST).acquire(APPLY, Duration.ZERO)) {
      StateLockedException e =
          assertThrows(
              StateLockedException.class, () -> lock(43, SECOND).acquire(PLAN, Duration.ZERO));

      assertTrue(
          e.getMessage()
              .contains(
                  "is locked by apply (id "
                      + FIRST
                      + ", alice@build-7, pid 42, flowform 0.1.0, since 2026-11-28T10:00:00Z)"),
          e.getMessage());
      assertTrue(e.hint().contains("--lock-timeout"), e.hint());
      assertTrue(e.hint().contains("flowform force-unlock " + FIRST), e.hint());
      assertEquals(held.info(), e.holder().orElseThrow());
    }
  }

  @Test
  void waitsForTheHolderToReleaseWithinTheTimeout() throws Exception {
    CountDownLatch triedOnce = new CountDownLatch(1);
    CountDownLatch released = new CountDownLatch(1);
    FileStateLock waiting =
        new FileStateLock(
            stateFile(),
            Clock.systemUTC(),
            43,
            "0.1.0",
            () -> SECOND,
            pause -> {
              triedOnce.countDown();
              released.await();
            });
    LockHandle held = lock(42, FIRST).acquire(APPLY, Duration.ZERO);

    Future<LockHandle> second = executor.submit(() -> waiting.acquire(PLAN, Duration.ofMinutes(5)));
    triedOnce.await();
    held.close();
    released.countDown();

    try (LockHandle got = second.get(1, TimeUnit.MINUTES)) {
      assertEquals("plan", got.info().operation());
      assertEquals(SECOND.toString(), got.info().id());
    }
  }

  @Test
  void givesUpWhenTheTimeoutHasPassedEvenWithAClockThatStandsStill() {
    List<Duration> pauses = new ArrayList<>();
    FileStateLock waiting =
        new FileStateLock(
            stateFile(), Clock.fixed(NOW, ZoneOffset.UTC), 43, "0.1.0", () -> SECOND, pauses::add);

    try (LockHandle held = lock(42, FIRST).acquire(APPLY, Duration.ZERO)) {
      StateLockedException e =
          assertThrows(
              StateLockedException.class, () -> waiting.acquire(PLAN, Duration.ofMillis(600)));

      assertEquals(
          List.of(Duration.ofMillis(250), Duration.ofMillis(250), Duration.ofMillis(100)), pauses);
      assertEquals(held.info(), e.holder().orElseThrow());
      assertTrue(e.getMessage().endsWith("(waited PT0.6S)"), e.getMessage());
    }
  }

  @Test
  void canBeTakenAgainOnceReleased() {
    lock(42, FIRST).acquire(APPLY, Duration.ZERO).close();

    try (LockHandle again = lock(43, SECOND).acquire(PLAN, Duration.ZERO)) {
      assertEquals(SECOND.toString(), again.info().id());
    }
  }

  @Test
  void isNotBlockedByTheLockInfoOfADeadProcess() throws IOException {
    writeLeftoverInfo(FIRST);

    try (LockHandle held = lock(43, SECOND).acquire(PLAN, Duration.ZERO)) {
      assertEquals(SECOND.toString(), held.info().id());
    }
  }

  @Test
  void forceUnlockRemovesALockLeftBehindWhenTheIdMatches() throws IOException {
    FileStateLock lock = lock(43, SECOND);
    writeLeftoverInfo(FIRST);

    lock.forceUnlock(FIRST.toString());

    assertFalse(Files.exists(lock.infoFile()));
  }

  @Test
  void forceUnlockRefusesAnIdThatDoesNotMatch() throws IOException {
    FileStateLock lock = lock(43, SECOND);
    writeLeftoverInfo(FIRST);

    FlowformException e =
        assertThrows(FlowformException.class, () -> lock.forceUnlock("0000-not-it"));

    assertTrue(e.getMessage().contains("lock id '0000-not-it' does not match"), e.getMessage());
    assertTrue(e.getMessage().contains("id " + FIRST), e.getMessage());
    assertTrue(Files.exists(lock.infoFile()));
  }

  @Test
  void forceUnlockSaysSoWhenThereIsNoLock() {
    FlowformException e =
        assertThrows(FlowformException.class, () -> lock(43, SECOND).forceUnlock("anything"));

    assertTrue(e.getMessage().contains("is not locked"), e.getMessage());
  }

  @Test
  void forceUnlockRefusesALockHeldByARunningProcess() {
    FileStateLock other = lock(43, SECOND);
    try (LockHandle held = lock(42, FIRST).acquire(APPLY, Duration.ZERO)) {
      FlowformException e =
          assertThrows(FlowformException.class, () -> other.forceUnlock(FIRST.toString()));

      assertTrue(e.getMessage().contains("is held by a running process"), e.getMessage());
      assertEquals(
          held.info(),
          new LockInfoFile(other.infoFile(), FileMode.of(other.infoFile()), new Scrubber())
              .read()
              .orElseThrow());
      assertThrows(StateLockedException.class, () -> other.acquire(PLAN, Duration.ZERO));
    }
  }

  @Test
  void keepsTheLockFileItselfOnRelease() {
    FileStateLock lock = lock(42, FIRST);
    lock.acquire(APPLY, Duration.ZERO).close();

    assertEquals(
        List.of(true, false),
        List.of(Files.exists(lock.lockFile()), Files.exists(lock.infoFile())));
  }

  private void writeLeftoverInfo(UUID id) throws IOException {
    new LockInfoFile(lock(41, id).infoFile(), FileMode.of(lock(41, id).infoFile()), new Scrubber())
        .write(new LockInfo(id.toString(), "apply", "gone@host", 41, "0.1.0", NOW, "x"));
  }
}
