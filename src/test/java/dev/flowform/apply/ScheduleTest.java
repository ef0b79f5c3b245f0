package dev.flowform.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.plan.Action;
import dev.flowform.plan.Change;
import dev.flowform.plan.Reason;
import dev.flowform.state.ResourceState;
import dev.flowform.state.ResourceStatus;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The order an apply may run a plan's changes in. */
class ScheduleTest {

  private static Change change(String address, Action action, String kind, String... dependsOn) {
    return new Change(
        address,
        action,
        Reason.NEW,
        null,
        null,
        address,
        List.of(),
        List.of(),
        null,
        kind,
        List.of(dependsOn));
  }

  private static ResourceState recorded(String kind, Map<String, String> dependsOn) {
    return ResourceState.resource(
        kind,
        ResourceStatus.CREATED,
        "id",
        "\"e\"",
        "n",
        null,
        new TreeMap<>(dependsOn),
        null,
        null,
        null);
  }

  @Test
  void aCreateWaitsForTheCreatesOfWhatItReferences() {
    List<Change> changes =
        List.of(
            change("dataflow.f", Action.CREATE, "Dataflow", "source.s"),
            change("source.s", Action.CREATE, "SourceConnection", "base"),
            change("base", Action.CREATE, null));

    List<Schedule.Unit> units = Schedule.of(changes, Map.of()).units();

    assertEquals(Set.of(1), units.get(0).waitsFor());
    assertEquals(Set.of(2), units.get(1).waitsFor());
    assertEquals(Set.of(), units.get(2).waitsFor());
  }

  @Test
  void aDeleteWaitsForTheDeletesOfWhatReferencesIt() {
    List<Change> changes =
        List.of(
            change("base", Action.DELETE, null),
            change("source.s", Action.DELETE, "SourceConnection"),
            change("dataflow.f", Action.DELETE, "Dataflow"));
    Map<String, ResourceState> state =
        Map.of(
            "source.s", recorded("SourceConnection", Map.of("base", "b")),
            "dataflow.f", recorded("Dataflow", Map.of("source.s", "s")));

    List<Schedule.Unit> units = Schedule.of(changes, state).units();

    assertEquals(Set.of(1), units.get(0).waitsFor());
    assertEquals(Set.of(2), units.get(1).waitsFor());
    assertEquals(Set.of(), units.get(2).waitsFor());
  }

  @Test
  void aChainOfReplacementsDeletesFromTheDependentsDownAndCreatesFromTheDependenciesUp() {
    List<Change> changes =
        List.of(
            change("source.s", Action.REPLACE, "SourceConnection"),
            change("dataflow.f", Action.REPLACE, "Dataflow", "source.s"));
    Map<String, ResourceState> state =
        Map.of("dataflow.f", recorded("Dataflow", Map.of("source.s", "s")));

    Schedule schedule = Schedule.of(changes, state);
    List<Schedule.Unit> units = schedule.units();

    // units: 0 delete source, 1 create source, 2 delete flow, 3 create flow
    assertEquals(4, units.size());
    assertTrue(units.get(0).deleteHalf());
    assertEquals(Set.of(2), units.get(0).waitsFor());
    assertEquals(Set.of(0), units.get(1).waitsFor());
    assertEquals(Set.of(), units.get(2).waitsFor());
    assertEquals(Set.of(2, 1), units.get(3).waitsFor());
    assertEquals(3, schedule.last(1));
  }
}
