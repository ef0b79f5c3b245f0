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
import dev.flowform.flowservice.UnreachableException;
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
    assertEquals(
        List.of(run.resource("a").id()),
        view.named(a.name()).orElseThrow().stream().map(r -> r.id()).toList());
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
  void readsTheSandboxInOneListWhenThatTakesFewerRoundTripsThanReadingByName() {
    // one read at a time, a name each (a page holds one connection): four names take four round
    // trips; a count and the list's two pages take three
    run.api.listPageSize(1);
    RemoteView view = new Refresher().refresh(run.state(), all, run.api, 1).view();

    assertEquals(1, run.api.calls("listBySpec"));
    assertEquals(0, run.api.calls("findByName") + run.api.calls("findByNames"));
    assertEquals(0, run.api.calls("get"));
    assertEquals(run.resource("a").id(), view.found("a").orElseThrow().id());
  }

  @Test
  void readsByNameWithoutCountingWhenOneRoundTripDoes() {
    RemoteView view = new Refresher().refresh(run.state(), all, run.api, 4).view();

    assertEquals(0, run.api.calls("countBySpec") + run.api.calls("listBySpec"));
    assertEquals(1, run.api.calls("findByNames"));
    assertEquals(run.resource("a").id(), view.found("a").orElseThrow().id());
  }

  @Test
  void readsSeveralNamesInOneRead() {
    String other = run.api.seed(c.name());

    RemoteView view = new Refresher().refresh(run.state(), all, run.api, 2).view();

    assertEquals(1, run.api.calls("findByNames"));
    assertEquals(0, run.api.calls("findByName") + run.api.calls("listBySpec"));
    assertEquals(run.resource("a").id(), view.found("a").orElseThrow().id());
    assertEquals(
        List.of(other), view.named(c.name()).orElseThrow().stream().map(r -> r.id()).toList());
    assertEquals(List.of(), view.named(d.name()).orElseThrow());
  }

  /** Ten connections of other names, read one per page: a list would cost more than 4 lookups. */
  private void bigSandbox() {
    for (int i = 0; i < 10; i++) {
      run.api.seed("someone else's " + i);
    }
    run.api.listPageSize(1);
  }

  @Test
  void readsPerNameWhenTheSandboxIsBigAndTheNamesFew() {
    bigSandbox();

    new Refresher().refresh(run.state(), all, run.api, 1);

    assertEquals(1, run.api.calls("countBySpec"));
    assertEquals(0, run.api.calls("listBySpec"));
    assertEquals(4, run.api.calls("findByName"));
  }

  @Test
  void bothWaysGiveThePlannerTheSameView() {
    String duplicate = run.api.seed(a.name());
    run.api.seed(c.name());
    run.api.delete(run.resource("b").id());
    String own = run.resource("a").id();
    run.api.listPageSize(1);
    RemoteView listed = new Refresher().refresh(run.state(), all, run.api, 1).view();
    RemoteView perName = new Refresher().refresh(run.state(), all, run.api, 4).view();
    run.api.listPageSize(1000);
    RemoteView batched = new Refresher().refresh(run.state(), all, run.api, 2).view();

    assertEquals(1, run.api.calls("listBySpec"));
    assertEquals(4, run.api.calls("findByName"));
    assertEquals(1, run.api.calls("findByNames"));
    assertEquals(listed, batched);
    assertEquals(listed, perName);
    assertEquals(
        List.of(own, duplicate),
        listed.named(a.name()).orElseThrow().stream().map(r -> r.id()).toList());
  }

  @Test
  void readsByIdARecordedConnectionItsNameDoesNotFind() {
    String id = run.resource("a").id();
    run.api.update(
        id, run.resource("a").etag(), List.of(PatchOperation.replace("/name", "renamed")));

    RemoteView view = new Refresher().refresh(run.state(), all, run.api, 4).view();

    assertEquals("renamed", view.found("a").orElseThrow().name());
    assertEquals(1, run.api.calls("get"));
  }

  @Test
  void endsWithTheOneErrorOfAnUnreachablePlatform() {
    run.api.failNext(
        "countBySpec",
        new UnreachableException("127.0.0.1:9", "connection refused", "check the endpoint", null));
    run.api.listPageSize(1);

    FlowformException e =
        assertThrows(
            FlowformException.class, () -> new Refresher().refresh(run.state(), all, run.api, 1));

    assertEquals("could not reach 127.0.0.1:9: connection refused", e.getMessage());
    assertEquals(0, run.api.calls("findByName") + run.api.calls("listBySpec"));
  }

  @Test
  void groupsFailuresOfOneKind() {
    bigSandbox();
    for (int i = 0; i < 4; i++) {
      run.api.failNext(
          "findByName",
          FlowServiceException.builder(503, "Unavailable")
              .code("1103-503")
              .requestId("r" + i)
              .build());
    }

    FlowformException e =
        assertThrows(
            FlowformException.class, () -> new Refresher().refresh(run.state(), all, run.api, 4));

    assertTrue(
        e.getMessage().contains("4 reads failed: HTTP 503 1103-503: Unavailable"), e.getMessage());
  }

  @Test
  void failsNamingWhatItCouldNotRead() {
    bigSandbox();
    run.api.failNext(
        "findByName",
        FlowServiceException.builder(503, "Unavailable").code("1103-503").requestId("r").build());

    FlowformException e =
        assertThrows(
            FlowformException.class, () -> new Refresher().refresh(run.state(), all, run.api, 4));

    assertTrue(e.getMessage().contains("1103-503"), e.getMessage());
  }
}
