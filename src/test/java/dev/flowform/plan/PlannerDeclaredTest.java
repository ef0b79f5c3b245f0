package dev.flowform.plan;

import static dev.flowform.testing.Fixtures.connection;
import static dev.flowform.testing.Fixtures.desired;
import static dev.flowform.testing.Fixtures.importing;
import static dev.flowform.testing.Fixtures.remote;
import static dev.flowform.testing.StateFixtures.recorded;
import static dev.flowform.testing.StateFixtures.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.diag.DiagnosticsException;
import dev.flowform.manifest.DesiredConnection;
import dev.flowform.model.RemoteConnection;
import dev.flowform.testing.ConnectionBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Moves ({@code metadata.movedFrom}), imports ({@code spec.imports}), targets and replaces. */
class PlannerDeclaredTest {
  private static final String IMPORT_ID = "9d8e7f60-1a2b-4c3d-8e9f-001122334455";
  private final Planner planner = new Planner();
  private final DesiredConnection sales = connection("sales").build();

  private static Change only(Plan plan, String address) {
    return plan.changes().stream()
        .filter(c -> c.address().equals(address))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no change for " + address + ": " + plan));
  }

  /**
   * The connection at {@code address} with the secrets of "sales": the same connection, renamed.
   */
  private static ConnectionBuilder salesAt(String address) {
    ConnectionBuilder builder = connection(address);
    for (String param : List.of("accessToken", "clientSecret", "refreshToken")) {
      builder.secret(param, dev.flowform.testing.Fixtures.secretValue("sales", param));
    }
    return builder;
  }

  private static RemoteView imported(RemoteConnection connection) {
    return new RemoteView(
        Map.of(), Set.of(), Map.of(), Map.of(connection.id(), connection), Set.of());
  }

  @Test
  void aRecordUnderAnOldAddressIsMovedNotOrphanedAndCreated() {
    DesiredConnection renamed = salesAt("crm").name(sales.name()).movedFrom("sales").build();
    Plan plan =
        planner.plan(
            desired(renamed),
            state(Map.of("sales", recorded(sales, "id-1"))),
            RemoteView.OFFLINE,
            PlanOptions.DEFAULTS);

    assertEquals(1, plan.changes().size(), plan.toString());
    Change move = only(plan, "crm");
    assertEquals(Action.MOVE, move.action());
    assertEquals("sales", move.movedFrom());
    assertEquals("id-1", move.id());
    assertTrue(plan.hasChanges());
  }

  @Test
  void aMovedConnectionThatAlsoChangedIsAnUpdateThatMovesFirst() {
    DesiredConnection renamed = salesAt("crm").name("HubSpot CRM").movedFrom("sales").build();
    Change change =
        only(
            planner.plan(
                desired(renamed),
                state(Map.of("sales", recorded(sales, "id-1"))),
                RemoteView.OFFLINE,
                PlanOptions.DEFAULTS),
            "crm");

    assertEquals(Action.UPDATE, change.action());
    assertEquals("sales", change.movedFrom());
    assertEquals(
        List.of(AttributeChange.plain("/name", "HubSpot sales", "HubSpot CRM")),
        change.attributes());
  }

  @Test
  void aMoveReadsTheRefreshUnderTheOldAddress() {
    DesiredConnection renamed = salesAt("crm").name(sales.name()).movedFrom("sales").build();
    RemoteView view = new RemoteView(Map.of(), Set.of("sales"), Map.of());
    Change change =
        only(
            planner.plan(
                desired(renamed),
                state(Map.of("sales", recorded(sales, "id-1"))),
                view,
                PlanOptions.DEFAULTS),
            "crm");

    assertEquals(Action.CREATE, change.action());
    assertEquals(Reason.DELETED_REMOTELY, change.reason());
    assertEquals("sales", change.movedFrom());
  }

  @Test
  void aMoveOntoAnAddressStateHasIsAnError() {
    DesiredConnection renamed = connection("crm").movedFrom("sales").build();
    DiagnosticsException e =
        assertThrows(
            DiagnosticsException.class,
            () ->
                planner.plan(
                    desired(renamed),
                    state(
                        Map.of("sales", recorded(sales, "id-1"), "crm", recorded(renamed, "id-2"))),
                    RemoteView.OFFLINE,
                    PlanOptions.DEFAULTS));
    assertTrue(
        e.diagnostics().all().get(0).message().contains("state already has 'crm'"),
        e.diagnostics().toString());
  }

  @Test
  void aMoveOnceDoneIsANoop() {
    DesiredConnection renamed = connection("crm").movedFrom("sales").build();
    Change change =
        only(
            planner.plan(
                desired(renamed),
                state(Map.of("crm", recorded(renamed, "id-1"))),
                RemoteView.OFFLINE,
                PlanOptions.DEFAULTS),
            "crm");

    assertEquals(Action.NOOP, change.action());
    assertNull(change.movedFrom());
  }

  @Test
  void aDeclaredImportIsPlannedFromWhatTheRefreshReadWithSecretsNotComparable() {
    RemoteConnection existing = remote(IMPORT_ID, "Old name", "Marketing CRM contacts");
    Change change =
        only(
            planner.plan(
                importing(Map.of("sales", IMPORT_ID), sales),
                state(Map.of()),
                imported(existing),
                PlanOptions.DEFAULTS),
            "sales");

    assertEquals(Action.IMPORT, change.action());
    assertEquals(IMPORT_ID, change.id());
    assertEquals(existing.etag(), change.etag());
    assertTrue(
        change.attributes().contains(AttributeChange.plain("/name", "Old name", "HubSpot sales")));
    assertTrue(
        change.attributes().stream()
            .filter(AttributeChange::sensitive)
            .allMatch(a -> AttributeChange.IMPORTED.equals(a.notComparable())));
  }

  @Test
  void aDeclaredImportOfAnIdThePlatformLacksIsAnErrorNamingIt() {
    RemoteView missing = new RemoteView(Map.of(), Set.of(), Map.of(), Map.of(), Set.of(IMPORT_ID));
    DiagnosticsException e =
        assertThrows(
            DiagnosticsException.class,
            () ->
                planner.plan(
                    importing(Map.of("sales", IMPORT_ID), sales),
                    state(Map.of()),
                    missing,
                    PlanOptions.DEFAULTS));
    String message = e.diagnostics().all().get(0).format();
    assertTrue(message.contains(IMPORT_ID), message);
    assertTrue(message.startsWith("manifests/environments/dev.yaml:9:5"), message);
  }

  @Test
  void aDeclaredImportOfAnotherConnectionSpecIsAnError() {
    RemoteConnection other =
        new RemoteConnection(
            IMPORT_ID,
            "\"e\"",
            "x",
            null,
            new dev.flowform.model.ConnectionSpecRef("11111111-2222-4333-8444-555566667777", "1.0"),
            "enabled",
            "Basic Authentication",
            Map.of());
    DiagnosticsException e =
        assertThrows(
            DiagnosticsException.class,
            () ->
                planner.plan(
                    importing(Map.of("sales", IMPORT_ID), sales),
                    state(Map.of()),
                    imported(other),
                    PlanOptions.DEFAULTS));
    assertTrue(e.diagnostics().all().get(0).message().contains("another connection spec"));
  }

  @Test
  void aDeclaredImportOfAnIdRecordedElsewhereIsAnError() {
    DesiredConnection marketing = connection("marketing").build();
    DiagnosticsException e =
        assertThrows(
            DiagnosticsException.class,
            () ->
                planner.plan(
                    importing(Map.of("sales", IMPORT_ID), sales, marketing),
                    state(Map.of("marketing", recorded(marketing, IMPORT_ID))),
                    RemoteView.OFFLINE,
                    PlanOptions.DEFAULTS));
    assertTrue(e.diagnostics().all().get(0).message().contains("already recorded as 'marketing'"));
  }

  @Test
  void aDeclaredImportAlreadyDoneIsANoop() {
    Change change =
        only(
            planner.plan(
                importing(Map.of("sales", IMPORT_ID), sales),
                state(Map.of("sales", recorded(sales, IMPORT_ID))),
                RemoteView.OFFLINE,
                PlanOptions.DEFAULTS),
            "sales");

    assertEquals(Action.NOOP, change.action());
  }

  @Test
  void anOfflineImportCarriesTheIdWithoutADiff() {
    Change change =
        only(
            planner.plan(
                importing(Map.of("sales", IMPORT_ID), sales),
                state(Map.of()),
                RemoteView.OFFLINE,
                PlanOptions.DEFAULTS),
            "sales");

    assertEquals(Action.IMPORT, change.action());
    assertEquals(List.of(IMPORT_ID), change.remoteIds());
    assertTrue(change.attributes().isEmpty());
  }

  @Test
  void targetsKeepOnlyTheirChangesAndThePlanNamesThem() {
    DesiredConnection marketing = connection("marketing").build();
    Plan plan =
        planner.plan(
            desired(sales, marketing),
            state(Map.of()),
            RemoteView.OFFLINE,
            PlanOptions.DEFAULTS.targeting(List.of("sales"), List.of()));

    assertEquals(List.of("sales"), plan.changes().stream().map(Change::address).toList());
    assertEquals(List.of("sales"), plan.targets());
    assertTrue(plan.targeted());
  }

  @Test
  void anUnknownTargetIsAnError() {
    assertThrows(
        DiagnosticsException.class,
        () ->
            planner.plan(
                desired(sales),
                state(Map.of()),
                RemoteView.OFFLINE,
                PlanOptions.DEFAULTS.targeting(List.of("nowhere"), List.of())));
  }

  @Test
  void replaceForcesADeleteAndCreateOfAnUnchangedConnection() {
    Change change =
        only(
            planner.plan(
                desired(sales),
                state(Map.of("sales", recorded(sales, "id-1"))),
                RemoteView.OFFLINE,
                PlanOptions.DEFAULTS.targeting(List.of(), List.of("sales"))),
            "sales");

    assertEquals(Action.REPLACE, change.action());
    assertEquals(Reason.REPLACE_REQUESTED, change.reason());
    assertEquals("id-1", change.id());
  }

  @Test
  void aRotatedSecretSaysSoAndAnImportedOneIsNotComparable() {
    DesiredConnection rotated = connection("sales").secret("clientSecret", "new-value").build();
    Change change =
        only(
            planner.plan(
                desired(rotated),
                state(Map.of("sales", recorded(sales, "id-1"))),
                RemoteView.OFFLINE,
                PlanOptions.DEFAULTS),
            "sales");
    assertEquals(Reason.SECRET_ROTATED, change.reason());

    dev.flowform.state.ResourceState adopted = recorded(sales, "id-1");
    dev.flowform.state.ResourceState withoutPrints =
        new dev.flowform.state.ResourceState(
            adopted.kind(),
            adopted.status(),
            adopted.id(),
            adopted.etag(),
            adopted.name(),
            adopted.description(),
            adopted.connectionSpec(),
            adopted.authSpecName(),
            adopted.params(),
            new java.util.TreeMap<>(),
            adopted.createdAt(),
            adopted.updatedAt());
    Change imported =
        only(
            planner.plan(
                desired(sales),
                state(Map.of("sales", withoutPrints)),
                RemoteView.OFFLINE,
                PlanOptions.DEFAULTS),
            "sales");
    assertEquals(Reason.IMPORTED_SECRETS, imported.reason());
    assertTrue(imported.attributes().stream().allMatch(a -> a.notComparable() != null));
  }
}
