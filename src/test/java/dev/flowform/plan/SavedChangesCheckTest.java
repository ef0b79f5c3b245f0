package dev.flowform.plan;

import static dev.flowform.testing.Fixtures.connection;
import static dev.flowform.testing.Fixtures.importing;
import static dev.flowform.testing.Fixtures.remote;
import static dev.flowform.testing.StateFixtures.recorded;
import static dev.flowform.testing.StateFixtures.state;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.diag.FlowformException;
import dev.flowform.manifest.DesiredConnection;
import dev.flowform.manifest.DesiredState;
import dev.flowform.state.State;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** A saved plan with moves, imports and forced replaces applies; one edited by hand does not. */
class SavedChangesCheckTest {
  private static final String IMPORT_ID = "9d8e7f60-1a2b-4c3d-8e9f-001122334455";
  private static final String OTHER_ID = "0a1b2c3d-0000-4000-8000-00000000beef";
  private final Planner planner = new Planner();
  private final DesiredConnection marketing = connection("marketing").build();
  private final DesiredState desired =
      importing(
          Map.of("support", IMPORT_ID),
          connection("crm").movedFrom("sales").build(),
          marketing,
          connection("support").build());
  private final Optional<State> state =
      state(
          Map.of(
              "sales", recorded(connection("crm").build(), "id-s"),
              "marketing", recorded(marketing, "id-m")));

  private Plan saved() {
    RemoteView read =
        new RemoteView(
            Map.of(),
            Set.of(),
            Map.of(),
            Map.of(IMPORT_ID, remote(IMPORT_ID, "Support", null)),
            Set.of());
    return planner.plan(
        desired, state, read, PlanOptions.DEFAULTS.targeting(List.of(), List.of("marketing")));
  }

  private void check(Plan saved) {
    Plan fresh =
        planner.plan(desired, state, RemoteView.OFFLINE, SavedChangesCheck.freshOptions(saved));
    SavedChangesCheck.check(saved, state, fresh);
  }

  private static Plan edited(Plan plan, String address, UnaryOperator<Change> edit) {
    List<Change> changes = new ArrayList<>();
    for (Change c : plan.changes()) {
      changes.add(c.address().equals(address) ? edit.apply(c) : c);
    }
    return new Plan(
        plan.environment(),
        plan.sandbox(),
        plan.lineage(),
        plan.serial(),
        plan.manifestDigest(),
        plan.secretFingerprints(),
        changes,
        plan.unresolved(),
        plan.refreshed(),
        plan.orgId(),
        plan.endpoint(),
        plan.duplicates(),
        plan.targets());
  }

  @Test
  void aSavedPlanWithAMoveAnImportAndAForcedReplaceIsAccepted() {
    Plan saved = saved();
    assertTrue(saved.changes().stream().anyMatch(c -> c.action() == Action.MOVE));
    assertTrue(saved.changes().stream().anyMatch(c -> c.action() == Action.IMPORT));
    assertTrue(saved.changes().stream().anyMatch(c -> c.action() == Action.REPLACE));

    assertDoesNotThrow(() -> check(saved));
  }

  @Test
  void refusesAMoveFromAnotherAddress() {
    Plan tampered =
        edited(
            saved(),
            "crm",
            c ->
                new Change(
                    c.address(),
                    c.action(),
                    c.reason(),
                    "id-m",
                    c.etag(),
                    c.name(),
                    c.attributes(),
                    c.remoteIds(),
                    "marketing"));

    FlowformException e = assertThrows(FlowformException.class, () -> check(tampered));

    assertTrue(e.getMessage().contains("would move it from \"sales\""), e.getMessage());
  }

  @Test
  void refusesAnImportOfAConnectionTheManifestsDoNotDeclare() {
    Plan tampered =
        edited(
            saved(),
            "support",
            c ->
                new Change(
                    c.address(),
                    c.action(),
                    c.reason(),
                    OTHER_ID,
                    c.etag(),
                    c.name(),
                    c.attributes(),
                    List.of(OTHER_ID),
                    c.movedFrom()));

    FlowformException e = assertThrows(FlowformException.class, () -> check(tampered));

    assertTrue(e.getMessage().contains("it imports connection " + OTHER_ID), e.getMessage());
  }

  @Test
  void refusesAnImportTurnedIntoADeleteOfAManagedConnection() {
    Plan tampered =
        edited(
            saved(),
            "support",
            c ->
                new Change(
                    c.address(),
                    Action.DELETE,
                    Reason.REMOVED_FROM_MANIFESTS,
                    "id-m",
                    null,
                    c.name(),
                    List.of(),
                    List.of(),
                    null));

    assertThrows(FlowformException.class, () -> check(tampered));
  }
}
