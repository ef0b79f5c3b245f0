package dev.flowform.plan;

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
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlannerCreatesTest {
  private final Planner planner = new Planner();

  @Test
  void aNewConnectionIsCreatedWithEveryAttributeAndSecretsOnlyAsSensitive() {
    DesiredConnection wanted = connection("marketing-hubspot").build();

    Change change =
        only(planner.plan(desired(wanted), Optional.empty(), RemoteView.OFFLINE, none()));

    assertEquals(Action.CREATE, change.action());
    assertEquals(Reason.NEW, change.reason());
    assertNull(change.id());
    assertFalse(change.adopts());
    assertEquals(
        List.of(
            AttributeChange.plain("/name", null, "HubSpot marketing-hubspot"),
            AttributeChange.plain("/description", null, "Marketing CRM contacts"),
            AttributeChange.plain(
                "/connectionSpec/id", null, "cc6a4487-9e91-433e-a3a3-9cf6626c1806"),
            AttributeChange.plain("/connectionSpec/version", null, "1.0"),
            AttributeChange.plain("/auth/specName", null, "Basic Authentication"),
            AttributeChange.sensitive("/auth/params/accessToken"),
            AttributeChange.plain("/auth/params/clientId", null, "client-id"),
            AttributeChange.sensitive("/auth/params/clientSecret"),
            AttributeChange.sensitive("/auth/params/refreshToken")),
        change.attributes());
  }

  @Test
  void aNewConnectionWithoutDescriptionSetsNoDescription() {
    DesiredConnection wanted = connection("a").description(null).build();

    Change change =
        only(planner.plan(desired(wanted), Optional.empty(), RemoteView.OFFLINE, none()));

    assertTrue(change.attributes().stream().noneMatch(a -> a.path().equals("/description")));
  }

  @Test
  void aNewConnectionWhoseNameExistsRemotelyIsAConflictNamingTheIds() {
    DesiredConnection wanted = connection("a").build();
    RemoteView remote =
        namesFound(
            wanted.name(),
            remote("id-2", wanted.name(), null),
            remote("id-1", wanted.name(), null));

    Change change = only(planner.plan(desired(wanted), Optional.empty(), remote, none()));

    assertEquals(Action.CONFLICT, change.action());
    assertEquals(Reason.EXISTS_REMOTELY, change.reason());
    assertEquals(List.of("id-1", "id-2"), change.remoteIds());
    assertTrue(change.attributes().isEmpty());
  }

  @Test
  void adoptExistingAdoptsTheSingleConnectionOfThatName() {
    DesiredConnection wanted = connection("a").build();
    RemoteView remote = namesFound(wanted.name(), remote("id-1", wanted.name(), null));

    Change change =
        only(
            planner.plan(
                desired(wanted),
                Optional.empty(),
                remote,
                new PlanOptions(false, false, true, false)));

    assertEquals(Action.CREATE, change.action());
    assertEquals(Reason.EXISTS_REMOTELY, change.reason());
    assertTrue(change.adopts());
    assertEquals("id-1", change.id());
    assertEquals(StateFixtures.etagOf("id-1", 2), change.etag());
    assertEquals(List.of("id-1"), change.remoteIds());
  }

  @Test
  void adoptExistingStillRefusesToChooseAmongSeveralConnections() {
    DesiredConnection wanted = connection("a").build();
    RemoteView remote =
        namesFound(
            wanted.name(),
            remote("id-1", wanted.name(), null),
            remote("id-2", wanted.name(), null));

    Change change =
        only(
            planner.plan(
                desired(wanted),
                Optional.empty(),
                remote,
                new PlanOptions(false, false, true, false)));

    assertEquals(Action.CONFLICT, change.action());
  }

  @Test
  void aNameLookedUpAndNotFoundIsAPlainCreate() {
    DesiredConnection wanted = connection("a").build();

    Change change =
        only(planner.plan(desired(wanted), Optional.empty(), namesFound(wanted.name()), none()));

    assertEquals(Action.CREATE, change.action());
    assertEquals(Reason.NEW, change.reason());
  }

  @Test
  void aPendingRecordIsPlannedAsARecoveringCreate() {
    DesiredConnection wanted = connection("a").build();

    Change change =
        only(
            planner.plan(
                desired(wanted), state(Map.of("a", pending(wanted))), RemoteView.OFFLINE, none()));

    assertEquals(Action.CREATE, change.action());
    assertEquals(Reason.PENDING_RECOVERY, change.reason());
    assertFalse(change.adopts());
    assertEquals(9, change.attributes().size());
  }

  @Test
  void aPendingRecordWhoseNameWasFoundOnceAdoptsThatConnection() {
    DesiredConnection wanted = connection("a").build();
    RemoteView remote = namesFound(wanted.name(), remote("id-9", wanted.name(), null));

    Change change =
        only(planner.plan(desired(wanted), state(Map.of("a", pending(wanted))), remote, none()));

    assertEquals(Reason.PENDING_RECOVERY, change.reason());
    assertTrue(change.adopts());
    assertEquals("id-9", change.id());
  }

  @Test
  void aPendingRecordIsLookedUpByTheNameItsCreateWasSentWithNotTheManifestsNewOne() {
    DesiredConnection sent = connection("a").build();
    DesiredConnection renamed = connection("a").name("HubSpot renamed").build();
    RemoteView remote = namesFound(sent.name(), remote("id-9", sent.name(), null));

    Change change =
        only(planner.plan(desired(renamed), state(Map.of("a", pending(sent))), remote, none()));

    assertEquals(Reason.PENDING_RECOVERY, change.reason());
    assertTrue(change.adopts());
    assertEquals("id-9", change.id());
  }

  @Test
  void aPendingRecordWhoseNameWasFoundSeveralTimesIsAConflictListingThem() {
    DesiredConnection wanted = connection("a").build();
    RemoteView remote =
        namesFound(
            wanted.name(),
            remote("id-1", wanted.name(), null),
            remote("id-2", wanted.name(), null));

    Change change =
        only(planner.plan(desired(wanted), state(Map.of("a", pending(wanted))), remote, none()));

    assertEquals(Action.CONFLICT, change.action());
    assertEquals(Reason.PENDING_RECOVERY, change.reason());
    assertEquals(List.of("id-1", "id-2"), change.remoteIds());
  }

  @Test
  void aConnectionDeletedOnThePlatformIsCreatedAgainAsDrift() {
    DesiredConnection wanted = connection("a").build();
    RemoteView remote = new RemoteView(Map.of(), Set.of("a"), Map.of());

    Change change =
        only(
            planner.plan(
                desired(wanted), state(Map.of("a", recorded(wanted, "id-1"))), remote, none()));

    assertEquals(Action.CREATE, change.action());
    assertEquals(Reason.DELETED_REMOTELY, change.reason());
    assertNull(change.id());
    assertEquals(9, change.attributes().size());
  }

  static PlanOptions none() {
    return PlanOptions.DEFAULTS;
  }

  static Change only(Plan plan) {
    assertEquals(1, plan.changes().size(), () -> "changes: " + plan.changes());
    return plan.changes().get(0);
  }
}
