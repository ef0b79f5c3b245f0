package dev.flowform.cli.render;

import dev.flowform.plan.Action;
import dev.flowform.plan.Duplicate;
import dev.flowform.plan.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The closing lines of a plan: what will be done, and what will not. */
final class Summary {
  static final String NO_CHANGES = "No changes. Your connections match the manifests.";

  private Summary() {}

  /** True when every change is a no-op: nothing to do and nothing to report. */
  static boolean nothingToDo(Plan plan) {
    return plan.changes().stream().allMatch(c -> c.action() == Action.NOOP);
  }

  /**
   * {@code Plan: 1 to create, 0 to update, 0 to delete, 4 unchanged.} (imports, replaces and moves
   * when any).
   */
  static String line(Plan plan) {
    Map<Action, Long> counts = plan.counts();
    StringBuilder out = new StringBuilder("Plan: ");
    if (counts.get(Action.IMPORT) > 0) {
      out.append(counts.get(Action.IMPORT)).append(" to import, ");
    }
    out.append(counts.get(Action.CREATE)).append(" to create, ");
    out.append(counts.get(Action.UPDATE)).append(" to update, ");
    if (counts.get(Action.REPLACE) > 0) {
      out.append(counts.get(Action.REPLACE)).append(" to replace, ");
    }
    out.append(counts.get(Action.DELETE)).append(" to delete, ");
    long moves = moves(plan);
    if (moves > 0) {
      out.append(moves).append(" to move, ");
    }
    out.append(counts.get(Action.NOOP)).append(" unchanged.");
    return out.toString();
  }

  /** How many records move to a new address (a move alone, or before another change). */
  static long moves(Plan plan) {
    return plan.changes().stream().filter(dev.flowform.plan.Change::moves).count();
  }

  /** The warning of a plan limited with {@code --target}. */
  static String targetWarning(Plan plan) {
    return "This plan is limited to --target "
        + String.join(", ", plan.targets())
        + ": other connections are neither planned nor applied, so the state is only partly"
        + " reconciled. Plan without --target to see everything.";
  }

  /** {@code Not planned: 1 orphan (kept without --prune), 2 conflicts (nothing sent).} */
  static Optional<String> notPlanned(Plan plan) {
    Map<Action, Long> counts = plan.counts();
    List<String> parts = new ArrayList<>();
    long orphans = counts.get(Action.ORPHAN);
    long conflicts = counts.get(Action.CONFLICT);
    if (orphans > 0) {
      parts.add(orphans + (orphans == 1 ? " orphan" : " orphans") + " (kept without --prune)");
    }
    if (conflicts > 0) {
      parts.add(conflicts + (conflicts == 1 ? " conflict" : " conflicts") + " (nothing sent)");
    }
    return parts.isEmpty()
        ? Optional.empty()
        : Optional.of("Not planned: " + String.join(", ", parts) + ".");
  }

  /**
   * The warning about duplicates, then one line per duplicate and the hint: {@code "HubSpot eu"
   * (marketing): duplicate 9a8b..., created 2026-11-28T10:00:00Z}. Empty when there is none.
   */
  static List<String> duplicates(Plan plan) {
    List<Duplicate> found = plan.duplicates();
    if (found.isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    lines.add(
        found.size()
            + (found.size() == 1 ? " connection duplicates" : " connections duplicate")
            + " a managed one (same name, unknown to state); nothing is sent for "
            + (found.size() == 1 ? "it" : "them")
            + ":");
    for (Duplicate d : found) {
      lines.add(
          "  "
              + Attributes.quote(d.name())
              + " ("
              + d.address()
              + "): duplicate "
              + d.id()
              + (d.createdAt() == null ? "" : ", created " + d.createdAt()));
    }
    lines.add("Hint: " + Duplicate.HINT + ".");
    return lines;
  }

  /** {@code Environment "dev" (sandbox "dev"), state serial 7, refreshed from the platform.} */
  static String header(Plan plan) {
    String state = plan.lineage() == null ? "no state yet" : "state serial " + plan.serial();
    String refresh = plan.refreshed() ? "refreshed from the platform" : "planned offline";
    return "Environment \""
        + plan.environment()
        + "\" (sandbox \""
        + plan.sandbox()
        + "\"), "
        + state
        + ", "
        + refresh
        + ".";
  }

  /** The warning about secrets that could not be compared, one line per reference after it. */
  static String unresolvedWarning(Plan plan) {
    int n = plan.unresolved().size();
    return n
        + (n == 1 ? " credential" : " credentials")
        + " could not be resolved, so "
        + (n == 1 ? "it was" : "they were")
        + " not compared; this plan cannot be saved or applied:";
  }
}
