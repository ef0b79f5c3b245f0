package dev.flowform.refresh;

import static dev.flowform.testing.Fixtures.connection;
import static dev.flowform.testing.Fixtures.create;
import static dev.flowform.testing.Fixtures.desired;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.apply.ResourceRecords;
import dev.flowform.diag.FlowformException;
import dev.flowform.flowservice.FlowServiceException;
import dev.flowform.flowservice.PatchOperation;
import dev.flowform.manifest.DesiredConnection;
import dev.flowform.manifest.DesiredState;
import dev.flowform.plan.RemoteView;
import dev.flowform.state.State;
import dev.flowform.testing.Fixtures;
import dev.flowform.testing.Harness;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RefresherTest {
  private final Harness run = new Harness();
  private final DesiredConnection a = connection("a").build();
  private final DesiredConnection b = connection("b").build();
  private final DesiredConnection c = connection("c").build();
  private final DesiredConnection d = connection("d").build();
  private DesiredState all;

  @BeforeEach
  void createAandB() {
    run.apply(desired(a, b), create(a), create(b));
    all = desired(a, b, c, d);
  }

  @Test
  void findsRecordedConnectionsAndThoseDeletedOutsideFlowform() {
    run.api.delete(run.resource("b").id());

    RemoteView view = new Refresher().refresh(run.state(), all, run.api, 4).view();

    assertEquals(run.resource("a").id(), view.found("a").orElseThrow().id());
    assertEquals(Set.of("b"), view.missing());
  }

  @Test
  void looksUpByNameWhatIsNotInStateAndWhatWasDeleted() {
    String other = run.api.seed(c.name());
    run.api.delete(run.resource("b").id());

    RemoteView view = new Refresher().refresh(run.state(), all, run.api, 4).view();

    assertEquals(
        List.of(other), view.named(c.name()).orElseThrow().stream().map(r -> r.id()).toList());
    assertEquals(List.of(), view.named(d.name()).orElseThrow());
    assertEquals(List.of(), view.named(b.name()).orElseThrow());
    assertTrue(view.named(a.name()).isEmpty());
  }

  @Test
  void looksUpThePendingRecordsByTheNameTheyWereSentWith() {
    State withPending =
        run.state()
            .with(
                "p",
                ResourceRecords.pending(
                    connection("p").build(), Fixtures.SALT, Fixtures.CLOCK.instant()));

    RemoteView view = new Refresher().refresh(withPending, desired(a, b), run.api, 2).view();

    assertTrue(view.named(connection("p").build().name()).isPresent());
  }

  @Test
  void returnsTheStateWithTheEtagsThatMovedOnThePlatform() {
    String id = run.resource("a").id();
    String newEtag =
        run.api.update(
            id,
            run.resource("a").etag(),
            List.of(PatchOperation.replace("/name", "edited in the UI")));

    RefreshResult result = new Refresher().refresh(run.state(), all, run.api, 4);

    assertTrue(result.stateChanged(run.state()));
    assertEquals(newEtag, result.state().resource("a").orElseThrow().etag());
    assertEquals("edited in the UI", result.state().resource("a").orElseThrow().name());
    assertEquals(run.state().serial() + 1, result.state().serial());
  }

  @Test
  void failsNamingWhatItCouldNotRead() {
    run.api.failNext(
        "get",
        FlowServiceException.builder(503, "Unavailable").code("1103-503").requestId("r").build());

    FlowformException e =
        assertThrows(
            FlowformException.class, () -> new Refresher().refresh(run.state(), all, run.api, 4));

    assertTrue(e.getMessage().contains("1103-503"), e.getMessage());
  }
}
