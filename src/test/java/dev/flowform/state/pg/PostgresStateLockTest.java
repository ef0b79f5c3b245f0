package dev.flowform.state.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.diag.FlowformException;
import dev.flowform.model.PostgresUrl;
import dev.flowform.state.LockHandle;
import dev.flowform.state.LockInfo;
import dev.flowform.state.LockRequest;
import dev.flowform.state.StateLockedException;
import dev.flowform.testing.HandClock;
import dev.flowform.testing.PostgresExtension;
import dev.flowform.testing.TestSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresStateLockTest {
  static final UUID FIRST = UUID.fromString("12345678-0000-4000-8000-000000000001");
  static final UUID SECOND = UUID.fromString("12345678-0000-4000-8000-000000000002");
  static final LockRequest APPLY = new LockRequest("apply", "alice@build-7");
  static final LockRequest PLAN = new LockRequest("plan", "bob@laptop");

  private final HandClock clock = new HandClock(States.T0);
  private final List<Duration> pauses = new ArrayList<>();
  private final ExecutorService executor = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopExecutor() {
    executor.shutdownNow();
  }

  private PostgresStateLock lock(PostgresUrl url, long pid, UUID id) {
    return new PostgresStateLock(
        new PostgresConnector(url), clock, pid, "0.1.0", () -> id, pauses::add);
  }

  private PostgresStateLock lock(TestSchema schema, long pid, UUID id) {
    return lock(schema.parsedUrl("dev"), pid, id);
  }

  private static Optional<String> holderRow(TestSchema schema, String key) throws SQLException {
    try (Connection connection = schema.connect();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT lock_id || ' ' || operation || ' ' || who || ' ' || pid || ' '"
                    + " || flowform_version FROM \""
                    + schema.name()
                    + "\".locks WHERE key = ?")) {
      query.setString(1, key);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
      }
    }
  }

  @Test
  void aRowNamesTheHolderWhileTheLockIsHeldAndGoesWithIt(TestSchema schema) throws SQLException {
    try (LockHandle held = lock(schema, 42, FIRST).acquire(APPLY, Duration.ZERO)) {
      assertEquals(APPLY.operation(), held.info().operation());
      assertEquals(
          new LockInfo(
              FIRST.toString(),
              "apply",
              "alice@build-7",
              42,
              "0.1.0",
              States.T0,
              schema.parsedUrl("dev").redacted()),
          held.info());
      assertEquals(Optional.of(FIRST + " apply alice@build-7 42 0.1.0"), holderRow(schema, "dev"));
    }

    assertEquals(Optional.empty(), holderRow(schema, "dev"));
  }

  @Test
  void aSecondRunFailsAtOnceNamingTheHolderFromItsRow(TestSchema schema) {
    try (LockHandle held = lock(schema, 42, FIRST).acquire(APPLY, Duration.ZERO)) {
      assertEquals(APPLY.operation(), held.info().operation());
      StateLockedException e =
          assertThrows(
              StateLockedException.class,
              () -> lock(schema, 43, SECOND).acquire(PLAN, Duration.ZERO));

      assertEquals(Optional.of(held.info()), e.holder());
      assertTrue(
          e.getMessage()
              .endsWith(
                  "is locked by apply (id "
                      + FIRST
                      + ", alice@build-7, pid 42, flowform 0.1.0, since 2026-11-28T10:00:00Z)"),
          e.getMessage());
      assertTrue(e.getMessage().startsWith("state 'dev' in PostgreSQL 127.0.0.1:"), e.getMessage());
      assertTrue(e.hint().contains("flowform force-unlock " + FIRST), e.hint());
      assertTrue(e.hint().contains("--lock-timeout"), e.hint());
      assertFalse(e.getMessage().contains(schema.password()), e.getMessage());
      assertFalse(e.hint().contains(schema.password()), e.hint());
      assertEquals(List.of(), pauses);
    }
  }

  @Test
  void waitsUpToTheTimeoutInPausesThenNamesTheHolder(TestSchema schema) {
    try (LockHandle held = lock(schema, 42, FIRST).acquire(APPLY, Duration.ZERO)) {
      assertEquals(APPLY.operation(), held.info().operation());
      StateLockedException e =
          assertThrows(
              StateLockedException.class,
              () -> lock(schema, 43, SECOND).acquire(PLAN, Duration.ofMillis(1200)));

      assertEquals(
          List.of(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(200)), pauses);
      assertTrue(e.getMessage().contains("(waited PT1.2S)"), e.getMessage());
    }
  }

  @Test
  void aWaitingRunGetsTheLockOnceTheHolderLetsGo(TestSchema schema) throws Exception {
    LockHandle held = lock(schema, 42, FIRST).acquire(APPLY, Duration.ZERO);
    PostgresStateLock waiting =
        new PostgresStateLock(
            new PostgresConnector(schema.parsedUrl("dev")),
            clock,
            43,
            "0.1.0",
            () -> SECOND,
            Sleeper.real());
    Future<LockHandle> second =
        executor.submit(() -> waiting.acquire(PLAN, Duration.ofSeconds(30)));
    Thread.sleep(700);
    assertFalse(second.isDone());

    held.close();

    try (LockHandle mine = second.get(20, TimeUnit.SECONDS)) {
      assertEquals(SECOND.toString(), mine.info().id());
    }
  }

  @Test
  void aHolderWhoseConnectionIsEndedReleasesTheLockAtOnce(TestSchema schema) throws Exception {
    LockHandle held =
        lock(schema.parsedUrl("dev", "holder-" + schema.name()), 42, FIRST)
            .acquire(APPLY, Duration.ZERO);
    assertThrows(
        StateLockedException.class, () -> lock(schema, 43, SECOND).acquire(PLAN, Duration.ZERO));

    schema.terminate("holder-" + schema.name());

    try (LockHandle mine = lock(schema, 43, SECOND).acquire(PLAN, Duration.ZERO)) {
      assertEquals("plan", mine.info().operation());
      assertEquals(Optional.of(SECOND + " plan bob@laptop 43 0.1.0"), holderRow(schema, "dev"));
    }
    held.close(); // its connection is gone: closing is quiet and removes nothing of the new holder
  }

  @Test
  void locksOfDifferentKeysNeverBlockEachOther(TestSchema schema) {
    List<LockHandle> held = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        held.add(lock(schema.parsedUrl("env-" + i), i, FIRST).acquire(APPLY, Duration.ZERO));
      }
      assertEquals(20, held.size());
      assertThrows(
          StateLockedException.class,
          () -> lock(schema.parsedUrl("env-7"), 99, SECOND).acquire(PLAN, Duration.ZERO));
    } finally {
      held.forEach(LockHandle::close);
    }
  }

  @Test
  void theSameKeyInAnotherSchemaIsAnotherLock(TestSchema schema, TestSchema other) {
    try (LockHandle mine = lock(schema, 1, FIRST).acquire(APPLY, Duration.ZERO);
        LockHandle theirs = lock(other, 2, SECOND).acquire(APPLY, Duration.ZERO)) {
      assertEquals(FIRST.toString(), mine.info().id());
      assertEquals(SECOND.toString(), theirs.info().id());
    }
  }

  @Test
  void closingTwiceIsHarmless(TestSchema schema) {
    LockHandle held = lock(schema, 42, FIRST).acquire(APPLY, Duration.ZERO);
    held.close();
    held.close();

    try (LockHandle again = lock(schema, 43, SECOND).acquire(PLAN, Duration.ZERO)) {
      assertEquals(SECOND.toString(), again.info().id());
    }
  }

  @Test
  void forceUnlockRefusesAnIdThatIsNotTheLocks(TestSchema schema) throws SQLException {
    try (LockHandle held = lock(schema, 42, FIRST).acquire(APPLY, Duration.ZERO)) {
      assertEquals(APPLY.operation(), held.info().operation());
      FlowformException e =
          assertThrows(
              FlowformException.class, () -> lock(schema, 43, SECOND).forceUnlock("not-the-id"));

      assertTrue(e.getMessage().startsWith("lock id 'not-the-id' does not match"), e.getMessage());
      assertTrue(e.getMessage().contains("held by apply (id " + FIRST), e.getMessage());
      assertTrue(holderRow(schema, "dev").isPresent());
    }
  }

  @Test
  void forceUnlockRefusesWhileALiveSessionHoldsTheLock(TestSchema schema) throws SQLException {
    try (LockHandle held = lock(schema, 42, FIRST).acquire(APPLY, Duration.ZERO)) {
      assertEquals(APPLY.operation(), held.info().operation());
      FlowformException e =
          assertThrows(
              FlowformException.class,
              () -> lock(schema, 43, SECOND).forceUnlock(FIRST.toString()));

      assertTrue(e.getMessage().contains("is held by a live database session"), e.getMessage());
      assertTrue(e.hint().contains("pg_terminate_backend("), e.hint());
      assertTrue(holderRow(schema, "dev").isPresent());
      assertThrows(
          StateLockedException.class, () -> lock(schema, 44, SECOND).acquire(PLAN, Duration.ZERO));
    }
  }

  @Test
  void forceUnlockClearsTheRowOfAHolderThatIsGone(TestSchema schema) throws Exception {
    lock(schema.parsedUrl("dev", "gone-" + schema.name()), 42, FIRST).acquire(APPLY, Duration.ZERO);
    schema.terminate("gone-" + schema.name());
    assertTrue(holderRow(schema, "dev").isPresent(), "the row outlives its session");

    lock(schema, 43, SECOND).forceUnlock(FIRST.toString());

    assertEquals(Optional.empty(), holderRow(schema, "dev"));
  }

  @Test
  void forceUnlockOfAStateThatIsNotLockedSaysSo(TestSchema schema) {
    FlowformException e =
        assertThrows(FlowformException.class, () -> lock(schema, 43, SECOND).forceUnlock("x"));

    assertTrue(e.getMessage().endsWith("is not locked: it has no lock row"), e.getMessage());
  }
}
