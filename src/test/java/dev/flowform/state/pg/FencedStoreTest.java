package dev.flowform.state.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.state.LockHandle;
import dev.flowform.state.LockRequest;
import dev.flowform.state.State;
import dev.flowform.state.StateConflictException;
import dev.flowform.state.StateStore;
import dev.flowform.testing.HandClock;
import dev.flowform.testing.PostgresExtension;
import dev.flowform.testing.TestSchema;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A store opened under a lock checks that lock's fencing token in every write's transaction: once
 * another run took the lock, or the lock's session ended, nothing more is recorded.
 */
@ExtendWith(PostgresExtension.class)
class FencedStoreTest {
  private static final LockRequest APPLY = new LockRequest("apply", "alice@build-7");

  @Test
  void aRecordAfterAnotherRunTookTheLockIsRefusedAndNothingIsWritten(TestSchema schema) {
    PostgresStateBackend backend = backend(schema);
    LockHandle first = backend.lock().acquire(APPLY, Duration.ZERO);
    try (StateStore store = backend.openStore(first)) {
      store.write(States.withResources(2));
      State seen = store.read().orElseThrow();
      store.record(seen.with("recorded", States.pending(3)), "recorded");

      first.close(); // as a dropped connection would
      try (LockHandle second = backend.lock().acquire(APPLY, Duration.ZERO)) {
        assertTrue(((PostgresLockHandle) second).fence().epoch() > 1);
        State before = store.read().orElseThrow();
        StateConflictException e =
            assertThrows(
                StateConflictException.class,
                () -> store.record(before.with("late", States.pending(4)), "late"));

        assertTrue(e.getMessage().contains("another run took the lock since"), e.getMessage());
        assertEquals(before, read(backend), "nothing recorded");
      }
    }
  }

  @Test
  void aRecordAfterTheLockSessionEndedIsRefusedEvenBeforeAnotherRunTakesIt(TestSchema schema)
      throws Exception {
    PostgresStateBackend backend = backend(schema);
    try (LockHandle held = backend.lock().acquire(APPLY, Duration.ZERO);
        StateStore store = backend.openStore(held)) {
      store.write(States.withResources(2));
      State seen = store.read().orElseThrow();

      schema.terminateLockHolder("dev");

      StateConflictException e =
          assertThrows(
              StateConflictException.class,
              () -> store.record(seen.with("late", States.pending(4)), "late"));
      assertTrue(e.getMessage().contains("session holding its lock ended"), e.getMessage());
      assertEquals(seen, read(backend), "nothing recorded");
    }
  }

  @Test
  void eachAcquisitionGetsANewToken(TestSchema schema) {
    PostgresStateBackend backend = backend(schema);
    long first;
    try (LockHandle held = backend.lock().acquire(APPLY, Duration.ZERO)) {
      first = ((PostgresLockHandle) held).fence().epoch();
    }
    try (LockHandle held = backend.lock().acquire(APPLY, Duration.ZERO)) {
      assertEquals(first + 1, ((PostgresLockHandle) held).fence().epoch());
    }
  }

  private static State read(PostgresStateBackend backend) {
    try (StateStore reader = backend.openReadOnlyStore()) {
      return reader.read().orElseThrow();
    }
  }

  private static PostgresStateBackend backend(TestSchema schema) {
    return new PostgresStateBackend(
        schema.parsedUrl("dev"),
        States.APPLY,
        new HandClock(States.T0),
        42,
        "0.1.0",
        UUID::randomUUID);
  }
}
