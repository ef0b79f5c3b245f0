package dev.flowform.plan;

import static dev.flowform.plan.PlannerCreatesTest.none;
import static dev.flowform.plan.PlannerCreatesTest.only;
import static dev.flowform.testing.Fixtures.connection;
import static dev.flowform.testing.Fixtures.desired;
import static dev.flowform.testing.Fixtures.remote;
import static dev.flowform.testing.StateFixtures.etagOf;
import static dev.flowform.testing.StateFixtures.recorded;
import static dev.flowform.testing.StateFixtures.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.diag.Diagnostic;
import dev.flowform.diag.DiagnosticsException;
import dev.flowform.manifest.DesiredConnection;
import dev.flowform.model.ConnectionSpecRef;
import dev.flowform.testing.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlannerUpdatesTest {
  private final Planner planner = new Planner();
  private final DesiredConnection before = connection("a").build();

  @Test
  void anUnchangedConnectionIsANoop() {
    Change change = planWith(before, RemoteView.OFFLINE);

    assertEquals(Action.NOOP, change.action());
    assertEquals(Reason.UP_TO_DATE, change.reason());
    assertEquals("id-1", change.id());
    assertTrue(change.attributes().isEmpty());
  }

  @Test
  void aRenamedConnectionIsAnUpdateCarryingTheRecordedIdAndEtag() {
    Change change = planWith(connection("a").name("New name").build(), RemoteView.OFFLINE);

    assertEquals(Action.UPDATE, change.action());
    assertEquals(Reason.MANIFEST_CHANGED, change.reason());
    assertEquals("id-1", change.id());
    assertEquals(etagOf("id-1", 1), change.etag());
    assertEquals(
        List.of(AttributeChange.plain("/name", "HubSpot a", "New name")), change.attributes());
  }

  @Test
  void aRenameOntoTheNameOfAConnectionNotManagedHereIsAConflict() {
    RemoteView remote =
        new RemoteView(
            Map.of(),
            Set.of(),
            Map.of("New name", List.of(remote("id-theirs", "New name", "someone else's"))));

    Change change = planWith(connection("a").name("New name").build(), remote);

    assertEquals(Action.CONFLICT, change.action());
    assertEquals(Reason.NAME_TAKEN, change.reason());
    assertEquals("id-1", change.id());
    assertEquals(List.of("id-theirs"), change.remoteIds());
  }

  @Test
  void aRemovedDescriptionIsAnUpdateToNothing() {
    Change change = planWith(connection("a").description(null).build(), RemoteView.OFFLINE);

    assertEquals(
        List.of(AttributeChange.plain("/description", "Marketing CRM contacts", null)),
        change.attributes());
  }

  @Test
  void aChangedClientIdIsAnUpdateShowingBothValues() {
    Change change = planWith(connection("a").clientId("client-2").build(), RemoteView.OFFLINE);

    assertEquals(
        List.of(AttributeChange.plain("/auth/params/clientId", "client-id", "client-2")),
        change.attributes());
  }

  @Test
  void aRotatedSecretIsAnUpdateOfThatParamOnly() {
    Change change =
        planWith(
            connection("a").secret("refreshToken", "rotated-value").build(), RemoteView.OFFLINE);

    assertEquals(Action.UPDATE, change.action());
    assertEquals(Reason.SECRET_ROTATED, change.reason());
    assertEquals(
        List.of(AttributeChange.sensitive("/auth/params/refreshToken")), change.attributes());
  }

  @Test
  void anUnresolvedSecretCannotBeComparedSoItCountsAsUnchangedAndIsListed() {
    DesiredConnection offline = connection("a").unresolved("clientSecret").build();

    Plan plan =
        planner.plan(
            desired(offline),
            state(Map.of("a", recorded(before, "id-1"))),
            RemoteView.OFFLINE,
            none());

    assertEquals(Action.NOOP, only(plan).action());
    assertEquals(
        List.of("a/auth/params/clientSecret (${env:HUBSPOT_CLIENT_SECRET})"), plan.unresolved());
    assertEquals(
        Set.of("accessToken", "refreshToken"), plan.secretFingerprints().get("a").keySet());
  }

  @Test
  void aChangedConnectionSpecIsRefusedWithoutAllowReplace() {
    DesiredConnection moved =
        connection("a").spec(new ConnectionSpecRef(ConnectionSpecRef.HUBSPOT_ID, "2.0")).build();

    DiagnosticsException e =
        assertThrows(
            DiagnosticsException.class,
            () ->
                planner.plan(
                    desired(moved),
                    state(Map.of("a", recorded(before, "id-1"))),
                    RemoteView.OFFLINE,
                    none()));

    Diagnostic error = e.diagnostics().all().get(0);
    assertTrue(error.message().contains("connection \"a\""), error.message());
    assertTrue(error.hint().contains("--allow-replace"), error.hint());
    assertEquals("manifests/connections/a.yaml", error.position().file());
  }

  @Test
  void aChangedConnectionSpecIsAReplaceWithAllowReplace() {
    DesiredConnection moved =
        connection("a").spec(new ConnectionSpecRef(ConnectionSpecRef.HUBSPOT_ID, "2.0")).build();

    Change change =
        only(
            planner.plan(
                desired(moved),
                state(Map.of("a", recorded(before, "id-1"))),
                RemoteView.OFFLINE,
                new PlanOptions(true, false, false, false)));

    assertEquals(Action.REPLACE, change.action());
    assertEquals(Reason.SPEC_CHANGED, change.reason());
    assertEquals("id-1", change.id());
    assertEquals(
        List.of(AttributeChange.plain("/connectionSpec/version", "1.0", "2.0")),
        change.attributes());
  }

  @Test
  void aConnectionRenamedOnThePlatformIsUpdatedBackUsingTheRemoteEtag() {
    RemoteView remote =
        Fixtures.found("a", remote("id-1", "Renamed by hand", "Marketing CRM contacts"));

    Change change = planWith(before, remote);

    assertEquals(Action.UPDATE, change.action());
    assertEquals(Reason.CHANGED_REMOTELY, change.reason());
    assertEquals(etagOf("id-1", 2), change.etag());
    assertEquals(
        List.of(AttributeChange.plain("/name", "Renamed by hand", "HubSpot a")),
        change.attributes());
  }

  @Test
  void aConnectionFoundUnchangedOnThePlatformIsANoop() {
    RemoteView remote = Fixtures.found("a", remote("id-1", "HubSpot a", "Marketing CRM contacts"));

    assertEquals(Action.NOOP, planWith(before, remote).action());
  }

  private Change planWith(DesiredConnection wanted, RemoteView remote) {
    return only(
        planner.plan(
            desired(wanted), state(Map.of("a", recorded(before, "id-1"))), remote, none()));
  }
}
