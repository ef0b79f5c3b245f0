package dev.flowform.apply;

import static dev.flowform.testing.Fixtures.connection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.manifest.DesiredConnection;
import dev.flowform.plan.Change;
import dev.flowform.state.State;
import dev.flowform.state.StateStore;
import dev.flowform.state.StateUnavailableException;
import dev.flowform.testing.FakeFlowService;
import dev.flowform.testing.Fixtures;
import dev.flowform.testing.StateFixtures;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ApplierStateLossTest {

  /** Records the first {@code good} states, then fails as a dropped database connection does. */
  private static final class DroppingStore implements StateStore {
    private final int good;
    private int written;

    DroppingStore(int good) {
      this.good = good;
    }

    @Override
    public Optional<State> read() {
      return Optional.empty();
    }

    @Override
    public synchronized void write(State state) {
      if (++written > good) {
        throw new StateUnavailableException("lost the connection to PostgreSQL", "try again");
      }
    }
  }

  @Test
  void startsNoNewChangeOnceStateCannotBeRecorded() {
    List<DesiredConnection> wanted =
        IntStream.range(0, 30)
            .mapToObj(i -> connection(String.format("c%03d", i)).build())
            .toList();
    FakeFlowService api = new FakeFlowService();
    State start = StateFixtures.empty();
    Change[] creates = wanted.stream().map(Fixtures::create).toArray(Change[]::new);

    ApplyResult result =
        new Applier()
            .apply(
                Fixtures.plan(start, creates),
                Fixtures.desired(wanted.toArray(DesiredConnection[]::new)),
                start,
                new DroppingStore(4),
                api,
                Fixtures.options().parallelism(2).build());

    assertFalse(result.succeeded());
    assertFalse(result.cancelled(), "a lost store is a failure, not an interruption");
    assertTrue(api.connections().size() <= 4, "created: " + api.connections().size());
    long notStarted = result.counts().get(Outcome.NOT_STARTED);
    assertTrue(notStarted >= 24, "not started: " + notStarted);
    assertEquals(30, result.outcomes().size());
    ChangeOutcome last = result.outcomes().get(29);
    assertEquals("not started: state could no longer be recorded", last.message());
  }
}
