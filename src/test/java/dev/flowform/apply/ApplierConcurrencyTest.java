package dev.flowform.apply;

import static dev.flowform.testing.Fixtures.connection;
import static dev.flowform.testing.Fixtures.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.manifest.DesiredConnection;
import dev.flowform.manifest.DesiredState;
import dev.flowform.model.RemoteConnection;
import dev.flowform.plan.Change;
import dev.flowform.state.ResourceStatus;
import dev.flowform.state.State;
import dev.flowform.testing.FakeFlowService.CreateFault;
import dev.flowform.testing.Fixtures;
import dev.flowform.testing.Harness;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ApplierConcurrencyTest {
  private final Harness run = new Harness();

  private static List<DesiredConnection> connections(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> connection(String.format("c%03d", i)).build())
        .toList();
  }

  private static Change[] creates(List<DesiredConnection> connections) {
    return connections.stream().map(Fixtures::create).toArray(Change[]::new);
  }

  private static DesiredState desired(List<DesiredConnection> connections) {
    return Fixtures.desired(connections.toArray(DesiredConnection[]::new));
  }

  @Test
  void convergesWithoutDuplicatesWhenCreatesAreLostAndThrottled() {
    List<DesiredConnection> wanted = connections(200);
    run.api.randomFaults(42, 0.25, 0.10);

    ApplyResult result = run.apply(desired(wanted), creates(wanted));

    assertTrue(result.succeeded(), () -> result.failures().toString());
    assertEquals(200, run.api.connections().size());
    assertEquals(200, result.counts().get(Outcome.CREATED) + result.counts().get(Outcome.ADOPTED));
    assertTrue(result.counts().get(Outcome.ADOPTED) > 0);
    State persisted = run.persisted();
    for (DesiredConnection c : wanted) {
      List<RemoteConnection> named = run.api.named(c.name());
      assertEquals(1, named.size(), c.name());
      assertEquals(ResourceStatus.CREATED, persisted.resource(c.address()).orElseThrow().status());
      assertEquals(named.get(0).id(), persisted.resource(c.address()).orElseThrow().id());
    }
  }

  @Test
  void parallelCreatesNeverLoseEachOthersRecords() {
    List<DesiredConnection> wanted = connections(60);

    run.apply(desired(wanted), creates(wanted));

    List<State> history = run.store.history();
    assertEquals(120, history.size());
    for (int i = 0; i < history.size(); i++) {
      assertEquals(i + 1, history.get(i).serial());
    }
    State last = run.persisted();
    assertEquals(history.size(), last.serial());
    assertEquals(60, last.resources().size());
    last.resources().values().forEach(r -> assertEquals(ResourceStatus.CREATED, r.status()));
  }

  @Test
  void requeuesACreateThrottledPastTheClientRetries() {
    DesiredConnection a = connection("a").build();
    run.api.script(CreateFault.THROTTLE);

    ApplyResult result = run.apply(Fixtures.desired(a), create(a));

    assertEquals(Outcome.CREATED, result.outcomes().get(0).outcome());
    assertEquals(2, run.api.calls("create"));
    assertEquals(1, run.api.connections().size());
  }

  @Test
  void failsAfterTheLastRequeueKeepingThePendingRecord() {
    DesiredConnection a = connection("a").build();
    run.api.script(CreateFault.THROTTLE, CreateFault.THROTTLE, CreateFault.THROTTLE);

    ApplyResult result =
        run.apply(Fixtures.desired(a), Fixtures.options().maxRequeues(2).build(), create(a));

    ChangeOutcome outcome = result.outcomes().get(0);
    assertEquals(Outcome.FAILED, outcome.outcome());
    assertTrue(outcome.message().contains("429"), outcome.message());
    assertEquals(3, run.api.calls("create"));
    assertTrue(run.persisted().resource("a").orElseThrow().isPending());
  }

  @Test
  void cancellationStartsNothingNewAndPersistsWhatFinished() {
    List<DesiredConnection> wanted = connections(5);
    CancellationFlag cancel = new CancellationFlag();
    run.api.onCreate(request -> cancel.cancel());
    ApplyOptions options = Fixtures.options().parallelism(1).cancellation(cancel).build();

    ApplyResult result = run.apply(desired(wanted), options, creates(wanted));

    assertTrue(result.cancelled());
    assertFalse(result.succeeded());
    assertEquals(1, result.counts().get(Outcome.CREATED));
    assertEquals(4, result.counts().get(Outcome.NOT_STARTED));
    assertEquals(1, run.api.calls("create"));
    assertEquals(result.state(), run.persisted());
    assertEquals(ResourceStatus.CREATED, run.persisted().resource("c000").orElseThrow().status());
    assertEquals(1, run.persisted().resources().size());
  }

  @Test
  void cancellingWithTwoSlotsSendsAtMostTheCreatesInFlightAndLeavesNoPendingRecord() {
    List<DesiredConnection> wanted = connections(12);
    CancellationFlag cancel = new CancellationFlag();
    run.api.onCreate(request -> cancel.cancel());
    ApplyOptions options = Fixtures.options().parallelism(2).cancellation(cancel).build();

    ApplyResult result = run.apply(desired(wanted), options, creates(wanted));

    int sent = run.api.calls("create");
    assertTrue(sent >= 1 && sent <= 2, "at most the two slots' creates went out: " + sent);
    assertEquals(sent, result.counts().get(Outcome.CREATED));
    assertEquals(12 - sent, result.counts().get(Outcome.NOT_STARTED));
    State persisted = run.persisted();
    assertEquals(sent, persisted.resources().size(), "no pending record of a create not sent");
    persisted.resources().values().forEach(r -> assertEquals(ResourceStatus.CREATED, r.status()));
  }

  @Test
  void tellsTheListenerOfEveryStartAndEnd() {
    List<DesiredConnection> wanted = connections(3);
    RecordingListener listener = new RecordingListener();

    run.apply(desired(wanted), Fixtures.options().listener(listener).build(), creates(wanted));

    assertEquals(List.of("c000", "c001", "c002"), listener.started());
    assertEquals(3, listener.done().size());
  }
}
