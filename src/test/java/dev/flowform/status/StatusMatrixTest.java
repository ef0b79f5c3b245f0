package dev.flowform.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.plan.Action;
import dev.flowform.plan.AttributeChange;
import dev.flowform.plan.Change;
import dev.flowform.plan.Plan;
import dev.flowform.plan.Reason;
import dev.flowform.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusMatrixTest {

  private static Change change(String address, Action action, Reason reason, AttributeChange... a) {
    return new Change(address, action, reason, "id-" + address, null, "n", List.of(a), List.of());
  }

  private static Plan plan(String env, boolean hasState, List<String> unresolved, Change... c) {
    return Fixtures.planFor(
        env, hasState ? "lineage-" + env : null, hasState ? 3 : 0, List.of(c), unresolved);
  }

  private final StatusMatrix matrix =
      StatusMatrix.of(
          List.of(
              plan(
                  "dev",
                  true,
                  List.of("marketing/auth/params/clientSecret (${env:HS_SECRET})"),
                  change("marketing", Action.NOOP, Reason.UP_TO_DATE),
                  change(
                      "sales",
                      Action.UPDATE,
                      Reason.MANIFEST_CHANGED,
                      AttributeChange.plain("/description", "old", "new")),
                  change("legacy", Action.ORPHAN, Reason.REMOVED_FROM_MANIFESTS)),
              plan(
                  "stage",
                  true,
                  List.of(),
                  change("marketing", Action.CREATE, Reason.PENDING_RECOVERY),
                  change(
                      "sales",
                      Action.UPDATE,
                      Reason.MANIFEST_CHANGED,
                      AttributeChange.unresolved(
                          "/auth/params/clientId", "app-1", "${env:HS_ID}"))),
              plan("prod", false, List.of(), change("marketing", Action.CREATE, Reason.NEW))));

  @Test
  void hasOneColumnPerEnvironmentInTheOrderGivenAndKnowsWhichHaveState() {
    assertEquals(
        List.of(
            new EnvironmentColumn("dev", "dev", true),
            new EnvironmentColumn("stage", "stage", true),
            new EnvironmentColumn("prod", "prod", false)),
        matrix.environments());
    assertEquals(List.of("legacy", "marketing", "sales"), List.copyOf(matrix.rows().keySet()));
  }

  @Test
  void aNoOpIsInSyncAndNamesTheSecretsItCouldNotCompare() {
    Cell cell = matrix.cell("marketing", "dev");
    assertEquals(CellStatus.IN_SYNC, cell.status());
    assertEquals(List.of("auth/params/clientSecret"), cell.notCompared());
    assertTrue(cell.partial());
  }

  @Test
  void anInterruptedCreateIsPendingAndANewOneIsToCreate() {
    assertEquals(CellStatus.PENDING, matrix.cell("marketing", "stage").status());
    assertEquals(CellStatus.TO_CREATE, matrix.cell("marketing", "prod").status());
  }

  @Test
  void aResolvedDifferenceIsChangedButOneInAnUnresolvedValueIsNotCompared() {
    assertEquals(Cell.of(CellStatus.CHANGED), matrix.cell("sales", "dev"));
    Cell stage = matrix.cell("sales", "stage");
    assertEquals(CellStatus.NOT_COMPARED, stage.status());
    assertEquals(List.of("auth/params/clientId"), stage.notCompared());
  }

  @Test
  void anAddressAbsentFromAnEnvironmentIsNotTargetedThereAndOrphanedWhereOnlyStateHasIt() {
    assertEquals(CellStatus.ORPHANED, matrix.cell("legacy", "dev").status());
    assertEquals(CellStatus.NOT_TARGETED, matrix.cell("legacy", "stage").status());
    assertEquals(CellStatus.NOT_TARGETED, matrix.cell("sales", "prod").status());
  }

  @Test
  void isAllInSyncOnlyWhenNothingIsToCreateChangeOrRemove() {
    assertFalse(matrix.allInSync());
    StatusMatrix clean =
        StatusMatrix.of(
            List.of(plan("dev", true, List.of(), change("a", Action.NOOP, Reason.UP_TO_DATE))));
    assertTrue(clean.allInSync());
  }

  @Test
  void aRefreshShowsDriftBesideTheOfflineStatusAndMarksEnvironmentsItCouldNotRead() {
    Plan refreshedDev =
        plan(
            "dev",
            true,
            List.of(),
            change("marketing", Action.CREATE, Reason.DELETED_REMOTELY),
            change(
                "sales",
                Action.UPDATE,
                Reason.CHANGED_REMOTELY,
                AttributeChange.plain("/name", "by hand", "n")));

    StatusMatrix drifted =
        matrix.withDrift(
            List.of(
                Refreshed.of(refreshedDev),
                Refreshed.offline("prod", "its credentials do not resolve here")));

    Cell marketing = drifted.cell("marketing", "dev");
    assertEquals(CellStatus.IN_SYNC, marketing.status());
    assertEquals(Drift.DELETED_REMOTELY, marketing.drift());
    assertEquals(Drift.CHANGED_REMOTELY, drifted.cell("sales", "dev").drift());
    assertEquals("refreshed", drifted.environments().get(0).refresh());
    assertEquals(null, drifted.environments().get(1).refresh());
    assertTrue(drifted.environments().get(2).notRefreshed());
    assertEquals(null, drifted.cell("marketing", "prod").drift());
  }

  @Test
  void driftIsNotInSync() {
    Plan clean = plan("dev", true, List.of(), change("a", Action.NOOP, Reason.UP_TO_DATE));
    Plan deleted =
        plan("dev", true, List.of(), change("a", Action.CREATE, Reason.DELETED_REMOTELY));

    assertTrue(StatusMatrix.of(List.of(clean)).allInSync());
    assertFalse(
        StatusMatrix.of(List.of(clean)).withDrift(List.of(Refreshed.of(deleted))).allInSync());
  }

  @Test
  void aDataflowWhoseLatestRunFailedOrCouldNotBeReadIsNotInSync() {
    Plan clean = plan("dev", true, List.of(), change("dataflow.f", Action.NOOP, Reason.UP_TO_DATE));
    StatusMatrix matrix = StatusMatrix.of(List.of(clean));

    StatusMatrix healthy =
        matrix.withDrift(
            List.of(
                Refreshed.of(
                    clean,
                    java.util.Map.of(
                        "dataflow.f", new dev.flowform.kinds.Health("enabled", "success", 9, 0)))));
    StatusMatrix failed =
        matrix.withDrift(
            List.of(
                Refreshed.of(
                    clean,
                    java.util.Map.of(
                        "dataflow.f", new dev.flowform.kinds.Health("enabled", "Failed", 9, 9)))));
    StatusMatrix unknown =
        matrix.withDrift(
            List.of(
                Refreshed.of(
                    clean,
                    java.util.Map.of("dataflow.f", dev.flowform.kinds.Health.unreadable("503")))));

    assertTrue(healthy.allInSync());
    assertEquals("success", healthy.cell("dataflow.f", "dev").health().lastRun());
    assertFalse(failed.allInSync());
    assertFalse(unknown.allInSync());
  }

  @Test
  void aPendingMoveAndAnImportAreNotInSync() {
    StatusMatrix declared =
        StatusMatrix.of(
            List.of(
                plan(
                    "dev",
                    true,
                    List.of(),
                    change("a", Action.MOVE, Reason.MOVED),
                    change("b", Action.IMPORT, Reason.IMPORT_DECLARED))));

    assertEquals(CellStatus.MOVED, declared.cell("a", "dev").status());
    assertEquals(CellStatus.TO_IMPORT, declared.cell("b", "dev").status());
    assertFalse(declared.allInSync());
  }
}
