package dev.flowform.status;

import dev.flowform.plan.Action;
import dev.flowform.plan.AttributeChange;
import dev.flowform.plan.Change;
import dev.flowform.plan.Plan;
import dev.flowform.plan.Reason;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Each connection (address) by each environment: where it stands, computed from one offline plan
 * per environment. Pure: no files, no clock.
 *
 * <p>A value whose references did not resolve where the matrix was computed (an attribute change
 * marked {@link AttributeChange#unresolved()}): a difference in it is "not compared", never
 * "changed".
 *
 * @param environments in the order given
 * @param rows by address, sorted; each row holds one cell per environment, in the same order
 */
public record StatusMatrix(
    List<EnvironmentColumn> environments, SortedMap<String, List<Cell>> rows) {

  private static final String PARAMS = "/auth/params/";

  public StatusMatrix {
    environments = List.copyOf(environments);
    SortedMap<String, List<Cell>> copy = new TreeMap<>();
    rows.forEach((address, cells) -> copy.put(address, List.copyOf(cells)));
    rows = Collections.unmodifiableSortedMap(copy);
  }

  /** The matrix of these plans, one per environment, each planned offline with replaces allowed. */
  public static StatusMatrix of(List<Plan> plans) {
    List<EnvironmentColumn> columns = new ArrayList<>();
    SortedMap<String, Cell[]> cells = new TreeMap<>();
    for (int i = 0; i < plans.size(); i++) {
      Plan plan = plans.get(i);
      columns.add(
          new EnvironmentColumn(plan.environment(), plan.sandbox(), plan.lineage() != null));
      Map<String, List<String>> unresolved = unresolvedSecrets(plan);
      for (Change change : plan.changes()) {
        cells.computeIfAbsent(change.address(), a -> new Cell[plans.size()])[i] =
            cell(change, unresolved.getOrDefault(change.address(), List.of()));
      }
    }
    SortedMap<String, List<Cell>> rows = new TreeMap<>();
    cells.forEach(
        (address, row) -> {
          List<Cell> list = new ArrayList<>();
          for (Cell cell : row) {
            list.add(cell == null ? Cell.of(CellStatus.NOT_TARGETED) : cell);
          }
          rows.put(address, list);
        });
    return new StatusMatrix(columns, rows);
  }

  /**
   * This matrix with what {@code status --refresh} read beside it: each environment's column marked
   * refreshed, offline or failed, and each cell with the drift its refreshed plan reports.
   *
   * @param refreshed one per environment, by name; an environment without one is left as it is
   */
  public StatusMatrix withDrift(List<Refreshed> refreshed) {
    List<EnvironmentColumn> columns = new ArrayList<>();
    SortedMap<String, List<Cell>> next = new TreeMap<>();
    rows.forEach((address, cells) -> next.put(address, new ArrayList<>(cells)));
    for (int i = 0; i < environments.size(); i++) {
      EnvironmentColumn column = environments.get(i);
      Refreshed read =
          refreshed.stream()
              .filter(r -> r.environment().equals(column.name()))
              .findFirst()
              .orElse(null);
      if (read == null) {
        columns.add(column);
        continue;
      }
      columns.add(
          new EnvironmentColumn(
              column.name(),
              column.sandbox(),
              column.hasState(),
              read.refresh(),
              read.problem(),
              column.stateProblem()));
      int at = i;
      read.health()
          .forEach(
              (address, health) -> {
                List<Cell> row = next.get(address);
                if (row != null) {
                  row.set(at, row.get(at).withHealth(health));
                }
              });
      read.plan()
          .ifPresent(
              plan ->
                  plan.changes()
                      .forEach(
                          change ->
                              Drift.of(change)
                                  .ifPresent(
                                      drift -> {
                                        List<Cell> row = next.get(change.address());
                                        if (row != null) {
                                          row.set(at, row.get(at).withDrift(drift));
                                        }
                                      })));
    }
    return new StatusMatrix(columns, next);
  }

  /**
   * This matrix with the environments whose state could not be read marked so: every cell of their
   * column is {@link CellStatus#UNREADABLE}, the other columns are kept.
   *
   * @param problems by environment name, why its state could not be read
   */
  public StatusMatrix withUnreadable(Map<String, String> problems) {
    if (problems.isEmpty()) {
      return this;
    }
    List<EnvironmentColumn> columns = new ArrayList<>();
    SortedMap<String, List<Cell>> next = new TreeMap<>();
    rows.forEach((address, cells) -> next.put(address, new ArrayList<>(cells)));
    for (int i = 0; i < environments.size(); i++) {
      EnvironmentColumn column = environments.get(i);
      String problem = problems.get(column.name());
      if (problem == null) {
        columns.add(column);
        continue;
      }
      columns.add(
          new EnvironmentColumn(
              column.name(),
              column.sandbox(),
              column.hasState(),
              column.refresh(),
              column.refreshProblem(),
              problem));
      int at = i;
      next.values().forEach(row -> row.set(at, Cell.of(CellStatus.UNREADABLE)));
    }
    return new StatusMatrix(columns, next);
  }

  /** The cell of one address in one environment. */
  public Cell cell(String address, String environment) {
    for (int i = 0; i < environments.size(); i++) {
      if (environments.get(i).name().equals(environment)) {
        List<Cell> row = rows.get(address);
        return row == null ? Cell.of(CellStatus.NOT_TARGETED) : row.get(i);
      }
    }
    throw new IllegalArgumentException("no environment " + environment);
  }

  /**
   * True when every targeted resource is in sync everywhere (nothing to create or change), no
   * refresh found drift, and no dataflow's latest run failed (or could not be read).
   */
  public boolean allInSync() {
    return rows.values().stream()
        .flatMap(List::stream)
        .allMatch(
            c ->
                c.drift() == null
                    && !c.unhealthy()
                    && (c.status() == CellStatus.IN_SYNC || c.status() == CellStatus.NOT_TARGETED));
  }

  private static Cell cell(Change change, List<String> unresolvedSecrets) {
    Action action = change.action();
    return switch (action) {
      case NOOP -> new Cell(CellStatus.IN_SYNC, unresolvedSecrets);
      case MOVE -> new Cell(CellStatus.MOVED, unresolvedSecrets);
      case IMPORT -> Cell.of(CellStatus.TO_IMPORT);
      case CONFLICT ->
          change.reason() == Reason.NAME_TAKEN
              ? Cell.of(CellStatus.CHANGED)
              : Cell.of(
                  change.reason() == Reason.PENDING_RECOVERY
                      ? CellStatus.PENDING
                      : CellStatus.TO_CREATE);
      case CREATE ->
          Cell.of(
              change.reason() == Reason.PENDING_RECOVERY
                  ? CellStatus.PENDING
                  : CellStatus.TO_CREATE);
      case ORPHAN, DELETE -> Cell.of(CellStatus.ORPHANED);
      case UPDATE, REPLACE -> changed(change, unresolvedSecrets);
    };
  }

  private static Cell changed(Change change, List<String> unresolvedSecrets) {
    List<String> notCompared = new ArrayList<>();
    boolean realDifference = change.action() == Action.REPLACE;
    for (AttributeChange attribute : change.attributes()) {
      if (attribute.unresolved() || attribute.notComparable() != null) {
        notCompared.add(strip(attribute.path()));
      } else {
        realDifference = true;
      }
    }
    notCompared.addAll(unresolvedSecrets);
    return new Cell(realDifference ? CellStatus.CHANGED : CellStatus.NOT_COMPARED, notCompared);
  }

  /** By address, the secrets a plan could not compare: {@code auth/params/clientSecret}. */
  private static Map<String, List<String>> unresolvedSecrets(Plan plan) {
    Map<String, List<String>> out = new TreeMap<>();
    for (String entry : plan.unresolved()) {
      int at = entry.indexOf(PARAMS);
      int space = entry.indexOf(' ', Math.max(at, 0));
      if (at <= 0) {
        continue;
      }
      String param = entry.substring(at + 1, space < 0 ? entry.length() : space);
      out.computeIfAbsent(entry.substring(0, at), a -> new ArrayList<>()).add(param);
    }
    return out;
  }

  private static String strip(String path) {
    return path.startsWith("/") ? path.substring(1) : path;
  }
}
