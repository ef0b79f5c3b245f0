package dev.flowform.apply;

import static dev.flowform.testing.Fixtures.connection;
import static dev.flowform.testing.Fixtures.create;
import static dev.flowform.testing.Fixtures.desired;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.manifest.DesiredConnection;
import dev.flowform.plan.Change;
import dev.flowform.state.ResourceState;
import dev.flowform.state.ResourceStatus;
import dev.flowform.state.State;
import dev.flowform.state.StateStore;
import dev.flowform.state.StateUnavailableException;
import dev.flowform.testing.FakeFlowService;
import dev.flowform.testing.Fixtures;
import dev.flowform.testing.InMemoryStateStore;
import dev.flowform.testing.StateFixtures;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A create's worker goes on to its next change while the "created" record is on its way to disk;
 * the change counts, and is reported, only once that record is durable.
 */
class ApplierDurabilityTest {
  private final FakeFlowService api = new FakeFlowService();
  private final State start = StateFixtures.empty();

  @Test
  void everyCreateIsReportedOnlyOnceItsCreatedRecordIsDurable() {
    List<DesiredConnection> wanted =
        IntStream.range(0, 24)
            .mapToObj(i -> connection(String.format("c%02d", i)).build())
            .toList();
    InMemoryStateStore store = new InMemoryStateStore(start);
    List<String> reportedTooEarly = new CopyOnWriteArrayList<>();
    ApplyListener listener =
        new ApplyListener() {
          @Override
          public void onDone(Change change, ChangeOutcome outcome) {
            Optional<ResourceState> durable = store.read().orElseThrow().resource(change.address());
            if (durable.isEmpty()
                || durable.get().status() != ResourceStatus.CREATED
                || !outcome.id().equals(durable.get().id())) {
              reportedTooEarly.add(change.address() + " as " + durable);
            }
          }
        };

    ApplyResult result =
        apply(wanted, store, Fixtures.options().parallelism(4).listener(listener).build());

    assertTrue(result.succeeded());
    assertEquals(24, result.counts().get(Outcome.CREATED));
    assertTrue(reportedTooEarly.isEmpty(), "reported before durable: " + reportedTooEarly);
    assertEquals(24, store.read().orElseThrow().resources().size());
  }

  @Test
  void theWorkerStartsItsNextChangeBeforeTheCreatedRecordIsWritten() {
    List<DesiredConnection> wanted = List.of(connection("a").build(), connection("b").build());
    List<String> events = new CopyOnWriteArrayList<>();
    StateStore store =
        new Watching(
            new InMemoryStateStore(start),
            state -> created(state, "a"),
            () -> events.add("a recorded as created"));
    ApplyListener listener =
        new ApplyListener() {
          @Override
          public void onStart(Change change) {
            events.add(change.address() + " started");
          }
        };

    ApplyResult result =
        apply(wanted, store, Fixtures.options().parallelism(1).listener(listener).build());

    assertTrue(result.succeeded());
    assertTrue(
        events.indexOf("b started") < events.indexOf("a recorded as created"),
        "one worker: b starts while a's record is on its way to disk: " + events);
  }

  @Test
  void aCreatedRecordThatCannotBeWrittenFailsItsChangeAndStateKeepsItPending() {
    List<DesiredConnection> wanted = List.of(connection("a").build());
    StateUnavailableException down = new StateUnavailableException("disk full", "free some");
    InMemoryStateStore inner = new InMemoryStateStore(start);
    StateStore store =
        new Watching(
            inner,
            state -> created(state, "a"),
            () -> {
              throw down;
            });

    ApplyResult result = apply(wanted, store, Fixtures.options().build());

    assertFalse(result.succeeded());
    ChangeOutcome outcome = result.outcomes().get(0);
    assertEquals(Outcome.FAILED, outcome.outcome());
    String id = api.connections().get(0).id();
    assertEquals(
        "connection "
            + id
            + " exists but its id could not be recorded: disk full; state keeps it pending",
        outcome.message());
    assertEquals(1, api.connections().size(), "created once");
    assertEquals(
        ResourceStatus.PENDING,
        inner.read().orElseThrow().resource("a").orElseThrow().status(),
        "the next run finds it by name");
  }

  private ApplyResult apply(
      List<DesiredConnection> wanted, StateStore store, ApplyOptions options) {
    Change[] creates = wanted.stream().map(c -> create(c)).toArray(Change[]::new);
    return new Applier()
        .apply(
            Fixtures.plan(start, creates),
            desired(wanted.toArray(DesiredConnection[]::new)),
            start,
            store,
            api,
            options);
  }

  private static boolean created(State state, String address) {
    return state.resource(address).filter(r -> r.status() == ResourceStatus.CREATED).isPresent();
  }

  /** A store that runs {@code then} just before it writes the first state {@code when} matches. */
  private static final class Watching implements StateStore {
    private final StateStore inner;
    private final Predicate<State> when;
    private final Runnable then;
    private boolean seen;

    Watching(StateStore inner, Predicate<State> when, Runnable then) {
      this.inner = inner;
      this.when = when;
      this.then = then;
    }

    @Override
    public Optional<State> read() {
      return inner.read();
    }

    @Override
    public synchronized void write(State state) {
      if (!seen && when.test(state)) {
        seen = true;
        then.run();
      }
      inner.write(state);
    }
  }
}
