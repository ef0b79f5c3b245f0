package dev.flowform.cli.render;

import dev.flowform.plan.Action;
import dev.flowform.plan.Change;
import dev.flowform.plan.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The plan as a pull-request comment: a title naming the environment and sandbox, a table of counts
 * per action, then each change folded in a {@code <details>} block with a diff-style body. Kept
 * under {@link #LIMIT} characters: past that, whole changes are left out and a note points to
 * {@code --output json}.
 */
public final class MarkdownPlanRenderer implements PlanRenderer {
  /** GitHub refuses comments over 65,536 characters; this leaves room for a bot's own text. */
  public static final int LIMIT = 60_000;

  private static final int MAX_UNRESOLVED_SHOWN = 20;
  private static final int NOTE_ROOM = 400;
  private static final String NL = "\n";
  private static final List<Action> TABLE_ORDER =
      List.of(
          Action.IMPORT,
          Action.CREATE,
          Action.UPDATE,
          Action.REPLACE,
          Action.DELETE,
          Action.ORPHAN,
          Action.CONFLICT,
          Action.MOVE,
          Action.NOOP);

  /** The largest graph a comment holds (a bigger one is left out, the changes kept). */
  private static final int GRAPH_LIMIT = 20_000;

  public MarkdownPlanRenderer() {}

  @Override
  public String render(Plan plan) {
    StringBuilder out = new StringBuilder(head(plan));
    if (Summary.nothingToDo(plan) && plan.duplicates().isEmpty()) {
      return out.append("**No changes.** Your connections match the manifests.")
          .append(NL)
          .toString();
    }
    List<String> blocks = new ArrayList<>();
    for (Change change : plan.changes()) {
      if (change.action() != Action.NOOP) {
        blocks.add(MarkdownChange.block(plan.environment(), change));
      }
    }
    String footer = "**" + Summary.line(plan) + "**" + NL + graph(plan);
    int total = out.length() + footer.length() + blocks.stream().mapToInt(String::length).sum();
    int room = total <= LIMIT ? LIMIT : LIMIT - NOTE_ROOM;
    int shown = 0;
    for (String block : blocks) {
      if (out.length() + block.length() + footer.length() > room) {
        break;
      }
      out.append(block);
      shown++;
    }
    out.append(footer);
    if (shown < blocks.size()) {
      int left = blocks.size() - shown;
      out.append(NL)
          .append("> [!NOTE]")
          .append(NL)
          .append("> ")
          .append(left)
          .append(left == 1 ? " more change is" : " more changes are")
          .append(" not shown, to keep this comment under 60,000 characters. ")
          .append("Run `flowform plan --env ")
          .append(plan.environment())
          .append(" --output json` for the whole plan.")
          .append(NL);
    }
    return out.toString();
  }

  /** The graph of what changes, when a pipeline resource does (connections alone need none). */
  private static String graph(Plan plan) {
    boolean pipeline =
        plan.changes().stream().anyMatch(c -> c.isPipeline() && c.action().mutates());
    if (!pipeline) {
      return "";
    }
    String mermaid = new MermaidGraph().of(plan);
    if (mermaid.length() > GRAPH_LIMIT) {
      return "";
    }
    return NL
        + "<details><summary>Graph of the changes</summary>"
        + NL
        + NL
        + "```mermaid"
        + NL
        + mermaid
        + "```"
        + NL
        + NL
        + "</details>"
        + NL;
  }

  private static String head(Plan plan) {
    StringBuilder out = new StringBuilder();
    out.append("### flowform plan for `")
        .append(plan.environment())
        .append("` (sandbox `")
        .append(plan.sandbox())
        .append("`)")
        .append(NL)
        .append(NL)
        .append(Summary.header(plan))
        .append(NL)
        .append(NL);
    if (plan.targeted()) {
      out.append("> [!WARNING]").append(NL).append("> ").append(Summary.targetWarning(plan));
      out.append(NL).append(NL);
    }
    if (!plan.unresolved().isEmpty()) {
      out.append("> [!WARNING]").append(NL).append("> ").append(Summary.unresolvedWarning(plan));
      out.append(NL);
      plan.unresolved().stream()
          .limit(MAX_UNRESOLVED_SHOWN)
          .forEach(ref -> out.append("> - `").append(ref).append('`').append(NL));
      if (plan.unresolved().size() > MAX_UNRESOLVED_SHOWN) {
        out.append("> - and ")
            .append(plan.unresolved().size() - MAX_UNRESOLVED_SHOWN)
            .append(" more")
            .append(NL);
      }
      out.append(NL);
    }
    List<String> duplicates = Summary.duplicates(plan);
    if (!duplicates.isEmpty()) {
      out.append("> [!WARNING]").append(NL).append("> ").append(duplicates.get(0)).append(NL);
      duplicates.subList(1, duplicates.size() - 1).stream()
          .limit(MAX_UNRESOLVED_SHOWN)
          .forEach(line -> out.append("> - ").append(line.strip()).append(NL));
      if (duplicates.size() - 2 > MAX_UNRESOLVED_SHOWN) {
        out.append("> - and ")
            .append(duplicates.size() - 2 - MAX_UNRESOLVED_SHOWN)
            .append(" more")
            .append(NL);
      }
      out.append(">").append(NL).append("> ").append(duplicates.get(duplicates.size() - 1));
      out.append(NL).append(NL);
    }
    out.append("| action | connections |").append(NL).append("|---|---:|").append(NL);
    Map<Action, Long> counts = plan.counts();
    for (Action action : TABLE_ORDER) {
      if ((action == Action.IMPORT || action == Action.MOVE) && counts.get(action) == 0) {
        continue;
      }
      String label = action == Action.NOOP ? "unchanged" : action.label();
      out.append("| ").append(label).append(" | ").append(counts.get(action)).append(" |");
      out.append(NL);
    }
    return out.append(NL).toString();
  }
}
