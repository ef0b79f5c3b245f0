package dev.flowform.plan;

import static dev.flowform.plan.PlannerCreatesTest.none;
import static dev.flowform.plan.PlannerCreatesTest.only;
import static dev.flowform.testing.Fixtures.connection;
import static dev.flowform.testing.Fixtures.desired;
import static dev.flowform.testing.Fixtures.namesFound;
import static dev.flowform.testing.Fixtures.remote;
import static dev.flowform.testing.StateFixtures.pending;
import static dev.flowform.testing.StateFixtures.recorded;
import static dev.flowform.testing.StateFixtures.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.manifest.DesiredConnection;
import dev.flowform.testing.StateFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlannerRemovalsTest {
  private final Planner planner = new Planner();
  private final DesiredConnection gone = connection("old").build();

  @Test
  void anOrphanIsReportedButNotDeletedWithoutPrune() {
    Plan plan =
        planner.plan(
            desired(), state(Map.of("old", recorded(gone, "id-1"))), RemoteView.OFFLINE, none());

    Change change = only(plan);
    assertEquals(Action.ORPHAN, change.action());
    assertEquals(Reason.REMOVED_FROM_MANIFESTS, change.reason());
    assertEquals("id-1", change.id());
    assertEquals("HubSpot old", change.name());
    assertFalse(plan.hasChanges());
  }

  @Test
  void anOrphanIsDeletedWithPrune() {
    Change change =
        only(
            planner.plan(
                desired(),
                state(Map.of("old", recorded(gone, "id-1"))),
                RemoteView.OFFLINE,
                new PlanOptions(false, true, false, false)));

    assertEquals(Action.DELETE, change.action());
    assertEquals(Reason.REMOVED_FROM_MANIFESTS, change.reason());
    assertEquals("id-1", change.id());
    assertEquals(StateFixtures.etagOf("id-1", 1), change.etag());
  }

  @Test
  void destroyDeletesEveryRecordedConnectionAndCreatesNothing() {
    DesiredConnection kept = connection("kept").build();
    DesiredConnection fresh = connection("fresh").build();

    Plan plan =
        planner.plan(
            desired(kept, fresh),
            state(Map.of("kept", recorded(kept, "id-k"), "old", recorded(gone, "id-o"))),
            RemoteView.OFFLINE,
            PlanOptions.DESTROY);

    assertEquals(List.of("kept", "old"), plan.changes().stream().map(Change::address).toList());
    assertTrue(plan.changes().stream().allMatch(c -> c.action() == Action.DELETE));
    assertTrue(plan.changes().stream().allMatch(c -> c.reason() == Reason.DESTROY));
  }

  @Test
  void aPrunedPendingRecordTakesTheIdOfTheSingleConnectionOfItsName() {
    Change change =
        only(
            planner.plan(
                desired(),
                state(Map.of("old", pending(gone))),
                namesFound(gone.name(), remote("id-7", gone.name(), null)),
                new PlanOptions(false, true, false, false)));

    assertEquals(Action.DELETE, change.action());
    assertEquals("id-7", change.id());
  }

  @Test
  void aPrunedPendingRecordNobodyFoundIsADeleteWithoutId() {
    Change change =
        only(
            planner.plan(
                desired(),
                state(Map.of("old", pending(gone))),
                RemoteView.OFFLINE,
                new PlanOptions(false, true, false, false)));

    assertEquals(Action.DELETE, change.action());
    assertNull(change.id());
  }

  @Test
  void aPrunedPendingRecordNeverTakesTheIdOfAConnectionRecordedForAnotherAddress() {
    DesiredConnection moved = connection("moved").name(gone.name()).build();

    Plan plan =
        planner.plan(
            desired(moved),
            state(Map.of("old", pending(gone), "moved", recorded(moved, "id-7"))),
            namesFound(gone.name(), remote("id-7", gone.name(), null)),
            new PlanOptions(false, true, false, false));

    Change old = plan.changes().get(1);
    assertEquals("old", old.address());
    assertEquals(Action.DELETE, old.action());
    assertNull(old.id());
  }

  @Test
  void aPrunedPendingRecordNeverTakesTheIdThatACreateOfThePlanAdopts() {
    DesiredConnection moved = connection("moved").name(gone.name()).build();

    Plan plan =
        planner.plan(
            desired(moved),
            state(Map.of("old", pending(gone))),
            namesFound(gone.name(), remote("id-7", gone.name(), null)),
            new PlanOptions(false, true, true, false));

    Change adopting = plan.changes().get(0);
    assertTrue(adopting.adopts());
    assertEquals("id-7", adopting.id());
    Change old = plan.changes().get(1);
    assertEquals(Action.DELETE, old.action());
    assertNull(old.id());
  }
}
