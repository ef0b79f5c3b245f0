package dev.flowform.plan;

import static dev.flowform.plan.PlannerCreatesTest.none;
import static dev.flowform.testing.Fixtures.connection;
import static dev.flowform.testing.Fixtures.desired;
import static dev.flowform.testing.Fixtures.secretValue;
import static dev.flowform.testing.StateFixtures.recorded;
import static dev.flowform.testing.StateFixtures.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.manifest.DesiredConnection;
import dev.flowform.testing.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlannerPlanTest {
  private final Planner planner = new Planner();

  @Test
  void changesAreSortedByAddressAndThePlanCarriesTheStateItWasMadeFrom() {
    DesiredConnection b = connection("b").build();
    DesiredConnection c = connection("c").build();
    DesiredConnection a = connection("a").build();

    Plan plan =
        planner.plan(
            desired(c, a),
            state(Map.of("b", recorded(b, "id-b"), "c", recorded(c, "id-c"))),
            RemoteView.OFFLINE,
            none());

    assertEquals(List.of("a", "b", "c"), plan.changes().stream().map(Change::address).toList());
    assertEquals("dev", plan.environment());
    assertEquals("dev", plan.sandbox());
    assertEquals(Fixtures.LINEAGE, plan.lineage());
    assertEquals(7, plan.serial());
    assertEquals(Fixtures.DIGEST, plan.manifestDigest());
    assertFalse(plan.refreshed());
  }

  @Test
  void withoutStateThePlanHasNoLineageAndSerialZero() {
    Plan plan =
        planner.plan(
            desired(connection("a").build()), Optional.empty(), RemoteView.OFFLINE, none());

    assertNull(plan.lineage());
    assertEquals(0, plan.serial());
    assertTrue(plan.hasChanges());
  }

  @Test
  void fingerprintsCoverEveryResolvedSecretSaltedWithTheStateSalt() {
    DesiredConnection a = connection("a").build();

    Plan plan = planner.plan(desired(a), state(Map.of()), RemoteView.OFFLINE, none());

    assertEquals(Set.of("a"), plan.secretFingerprints().keySet());
    assertEquals(
        Fingerprints.of(Fixtures.SALT, secretValue("a", "clientSecret")),
        plan.secretFingerprints().get("a").get("clientSecret"));
    assertEquals(3, plan.secretFingerprints().get("a").size());
  }

  @Test
  void aPlanIsMarkedRefreshedWhenThePlatformWasRead() {
    DesiredConnection a = connection("a").build();
    RemoteView remote = new RemoteView(Map.of(), Set.of(), Map.of(a.name(), List.of()));

    assertTrue(planner.plan(desired(a), Optional.empty(), remote, none()).refreshed());
  }

  @Test
  void planningTheSameInputTwiceGivesTheSamePlan() {
    DesiredConnection a = connection("a").name("x").build();
    DesiredConnection before = connection("a").build();

    Plan first =
        planner.plan(
            desired(a), state(Map.of("a", recorded(before, "id"))), RemoteView.OFFLINE, none());
    Plan second =
        planner.plan(
            desired(a), state(Map.of("a", recorded(before, "id"))), RemoteView.OFFLINE, none());

    assertEquals(first, second);
  }
}
