package dev.flowform.apply;

import static dev.flowform.testing.Fixtures.connection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.manifest.DesiredConnection;
import dev.flowform.state.ResourceState;
import dev.flowform.state.State;
import dev.flowform.testing.Fixtures;
import dev.flowform.testing.HandClock;
import dev.flowform.testing.InMemoryStateStore;
import dev.flowform.testing.StateFixtures;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A create's pending record is written before it waits for a request slot, written again right
 * before its POST only when that wait made it older than the slack (or for a resend), and taken
 * back when nothing was sent.
 */
class PendingStampTest {
  private final DesiredConnection a = connection("a").build();
  private final HandClock clock = HandClock.at("2026-12-01T10:00:00Z");
  private final InMemoryStateStore store = new InMemoryStateStore(StateFixtures.empty());
  private final StateRecorder recorder = new StateRecorder(StateFixtures.empty(), store);

  private PendingStamp write() {
    return PendingStamp.write(
        recorder, "a", clock, at -> ResourceRecords.pending(a, Fixtures.SALT, at));
  }

  private Instant stampOfA() {
    return store.read().orElseThrow().resource("a").orElseThrow().updatedAt();
  }

  @Test
  void isDurableBeforeTheCreateWaitsForASlot() {
    Instant start = clock.instant();

    write();

    ResourceState written = store.read().orElseThrow().resource("a").orElseThrow();
    assertTrue(written.isPending());
    assertEquals(start, written.updatedAt());
  }

  @Test
  void aPostThatLeavesWithinTheSlackKeepsItsStamp() {
    Instant start = clock.instant();
    PendingStamp stamp = write();
    int writes = store.history().size();

    clock.advance(PendingStamp.SLACK);
    stamp.beforeEachSend();

    assertEquals(writes, store.history().size(), "no second write for a short wait");
    assertEquals(start, stampOfA());
  }

  @Test
  void aPostThatWaitedLongerThanTheSlackIsStampedAgainBeforeItLeaves() {
    PendingStamp stamp = write();

    clock.advance(PendingStamp.SLACK.plus(Duration.ofMillis(1)));
    stamp.beforeEachSend();

    assertEquals(clock.instant(), stampOfA());
  }

  @Test
  void everyResendIsStamped() {
    PendingStamp stamp = write();
    stamp.beforeEachSend();

    clock.advance(Duration.ofMillis(10));
    stamp.beforeEachSend();

    assertEquals(clock.instant(), stampOfA());
  }

  @Test
  void withdrawingForgetsARecordThatWasNotThereBefore() {
    PendingStamp stamp = write();

    stamp.withdraw();

    assertTrue(store.read().orElseThrow().resource("a").isEmpty());
  }

  @Test
  void withdrawingPutsBackTheRecordOfAnEarlierPost() {
    Instant earlier = clock.instant();
    State start =
        StateFixtures.empty().with("a", ResourceRecords.pending(a, Fixtures.SALT, earlier));
    InMemoryStateStore started = new InMemoryStateStore(start);
    StateRecorder resumed = new StateRecorder(start, started);
    clock.advance(Duration.ofSeconds(30));
    PendingStamp stamp =
        PendingStamp.write(
            resumed, "a", clock, at -> ResourceRecords.pending(a, Fixtures.SALT, at));

    stamp.withdraw();

    assertEquals(earlier, started.read().orElseThrow().resource("a").orElseThrow().updatedAt());
  }
}
