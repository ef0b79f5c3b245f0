package dev.flowform.apply;

import dev.flowform.plan.Action;
import dev.flowform.plan.Change;
import dev.flowform.state.ResourceState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order a plan's changes may run in, as a graph of units: a change runs once everything it
 * references has been made (creates in dependency order), and a delete once everything that
 * references it is gone (deletes in reverse order). A pipeline resource's replacement is two units,
 * its delete and its create, so that a chain of replacements deletes from the dependents down and
 * creates from the dependencies up.
 */
final class Schedule {

  /**
   * One unit of work.
   *
   * @param change the index of its change
   * @param deleteHalf true for the delete of a split replacement
   * @param waitsFor the units that must have succeeded first
   */
  record Unit(int change, boolean deleteHalf, Set<Integer> waitsFor) {}

  private final List<Unit> units;
  private final Map<Integer, Integer> lastOf = new HashMap<>();

  private Schedule(List<Unit> units) {
    this.units = List.copyOf(units);
    for (int u = 0; u < units.size(); u++) {
      lastOf.put(units.get(u).change(), u);
    }
  }

  List<Unit> units() {
    return units;
  }

  /** The unit that ends change {@code index}: the last of its units. */
  int last(int index) {
    return lastOf.getOrDefault(index, -1);
  }

  static Schedule of(List<Change> changes, Map<String, ResourceState> recorded) {
    Map<String, Integer> byAddress = new HashMap<>();
    for (int i = 0; i < changes.size(); i++) {
      byAddress.put(changes.get(i).address(), i);
    }
    int[] deleteUnit = new int[changes.size()];
    int[] finalUnit = new int[changes.size()];
    List<int[]> shape = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      Change c = changes.get(i);
      boolean split = c.isPipeline() && c.action() == Action.REPLACE;
      deleteUnit[i] = -1;
      if (split) {
        deleteUnit[i] = shape.size();
        shape.add(new int[] {i, 1});
      }
      finalUnit[i] = shape.size();
      shape.add(new int[] {i, 0});
      if (!split && (c.action() == Action.DELETE || c.action() == Action.REPLACE)) {
        deleteUnit[i] = finalUnit[i];
      }
    }
    Map<String, List<String>> dependents = new HashMap<>();
    recorded.forEach(
        (address, r) ->
            r.dependsOn()
                .keySet()
                .forEach(d -> dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(address)));
    List<Set<Integer>> waits = new ArrayList<>();
    shape.forEach(s -> waits.add(new LinkedHashSet<>()));
    for (int i = 0; i < changes.size(); i++) {
      Change c = changes.get(i);
      if (deleteUnit[i] >= 0 && deleteUnit[i] != finalUnit[i]) {
        waits.get(finalUnit[i]).add(deleteUnit[i]);
      }
      if (c.action() != Action.DELETE) {
        for (String dependency : c.dependsOn()) {
          Integer j = byAddress.get(dependency);
          if (j != null && changes.get(j).action().mutates()) {
            waits.get(finalUnit[i]).add(finalUnit[j]);
          }
        }
      }
      if (deleteUnit[i] >= 0) {
        for (String dependent : dependents.getOrDefault(c.address(), List.of())) {
          Integer j = byAddress.get(dependent);
          if (j != null && deleteUnit[j] >= 0) {
            waits.get(deleteUnit[i]).add(deleteUnit[j]);
          }
        }
      }
    }
    List<Unit> units = new ArrayList<>();
    for (int u = 0; u < shape.size(); u++) {
      waits.get(u).remove(u);
      units.add(new Unit(shape.get(u)[0], shape.get(u)[1] == 1, waits.get(u)));
    }
    return new Schedule(units);
  }
}
