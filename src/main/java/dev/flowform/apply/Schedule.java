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

  private Schedule(List<Unit> units) {
    this.units = List.copyOf(units);
  }

  List<Unit> units() {
    return units;
  }

  /** The unit that ends change {@code index}: the last of its units. */
  int last(int index) {
    int found = -1;
    for (int u = 0; u < units.size(); u++) {
      if (units.get(u).change() == index) {
        found = u;
      }
    }
    return found;
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
        String address = c.address();
        for (Map.Entry<String, ResourceState> e : recorded.entrySet()) {
          Integer j = byAddress.get(e.getKey());
          if (j != null && e.getValue().dependsOn().containsKey(address) && deleteUnit[j] >= 0) {
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
