package dev.flowform.cli.render;

import dev.flowform.status.Cell;
import dev.flowform.status.EnvironmentColumn;
import dev.flowform.status.StatusMatrix;
import java.util.ArrayList;
import java.util.List;

/** The status matrix as an aligned table, one row per connection, one column per environment. */
public final class StatusTextRenderer {
  static final String PARTIAL_MARK = "*";

  public String render(StatusMatrix matrix) {
    List<List<String>> table = new ArrayList<>();
    List<String> head = new ArrayList<>(List.of("CONNECTION"));
    matrix.environments().forEach(e -> head.add(header(e)));
    table.add(head);
    matrix
        .rows()
        .forEach(
            (address, cells) -> {
              List<String> row = new ArrayList<>(List.of(address));
              cells.forEach(c -> row.add(label(c)));
              table.add(row);
            });
    int[] widths = new int[head.size()];
    for (List<String> row : table) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> row : table) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(i == row.size() - 1 ? row.get(i) : pad(row.get(i), widths[i] + 3));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    if (matrix.rows().isEmpty()) {
      out.append("(no connections in the manifests or in any state)\n");
    }
    notes(matrix).forEach(note -> out.append('\n').append(note));
    return out.toString();
  }

  /**
   * {@code in sync}, {@code in sync*} when some secrets could not be compared, and what a refresh
   * found beside it: {@code in sync, drift: deleted remotely}, or of a dataflow {@code in sync,
   * enabled, last run failed (120 read, 3 failed)}.
   */
  static String label(Cell cell) {
    String label = cell.status().label() + (cell.partial() ? PARTIAL_MARK : "");
    if (cell.drift() != null) {
      label += ", drift: " + cell.drift().label();
    }
    return cell.health() == null ? label : label + ", " + cell.health().summary();
  }

  /**
   * {@code PROD}, {@code PROD (offline)} when status --refresh could not read it, {@code PROD
   * (unreadable)} when its state could not be read.
   */
  static String header(EnvironmentColumn column) {
    String name = column.name().toUpperCase(java.util.Locale.ROOT);
    return name + mark(column);
  }

  /** {@code " (unreadable)"}, {@code " (offline)"}, or nothing. */
  static String mark(EnvironmentColumn column) {
    if (column.unreadable()) {
      return " (unreadable)";
    }
    return column.notRefreshed() ? " (" + column.refresh() + ")" : "";
  }

  /** The lines under the table: environments without state, and what the mark means. */
  static List<String> notes(StatusMatrix matrix) {
    List<String> notes = new ArrayList<>();
    List<String> stateless =
        matrix.environments().stream()
            .filter(e -> !e.hasState() && !e.unreadable())
            .map(EnvironmentColumn::name)
            .toList();
    if (!stateless.isEmpty()) {
      notes.add("No state file yet in: " + String.join(", ", stateless) + ".\n");
    }
    for (EnvironmentColumn column : matrix.environments()) {
      if (column.unreadable()) {
        notes.add(
            column.name()
                + ": its state could not be read ("
                + column.stateProblem()
                + "); its column shows nothing.\n");
        continue;
      }
      if (column.notRefreshed()) {
        notes.add(
            column.name()
                + ": not refreshed ("
                + column.refresh()
                + (column.refreshProblem() == null ? "" : ": " + column.refreshProblem())
                + "); its column shows manifests and state only.\n");
      }
    }
    boolean partial = matrix.rows().values().stream().flatMap(List::stream).anyMatch(Cell::partial);
    if (partial) {
      notes.add(
          PARTIAL_MARK
              + " in sync as far as could be compared: some secrets did not resolve here"
              + " (compared where they do, e.g. in CI with its secrets).\n");
    }
    return notes;
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(1, width - text.length()));
  }
}
