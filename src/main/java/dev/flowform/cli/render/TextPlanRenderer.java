package dev.flowform.cli.render;

import dev.flowform.plan.Action;
import dev.flowform.plan.AttributeChange;
import dev.flowform.plan.Change;
import dev.flowform.plan.Plan;
import java.util.List;

/**
 * The plan as a person reads it on a terminal, in Terraform's manner:
 *
 * <pre>
 *   # not in state
 *   + create connection "marketing-hubspot"
 *       + name = "HubSpot marketing (eu)"
 *       + auth.params.clientSecret = (sensitive)
 *
 * Plan: 1 to create, 0 to update, 0 to delete, 4 unchanged.
 * </pre>
 *
 * ANSI colours only when asked for.
 */
public final class TextPlanRenderer implements PlanRenderer {
  private final dev.flowform.registry.Kinds kinds = dev.flowform.registry.Kinds.all();
  private static final String NL = "\n";
  private final Ansi ansi;

  public TextPlanRenderer(boolean color) {
    this.ansi = new Ansi(color);
  }

  @Override
  public String render(Plan plan) {
    StringBuilder out = new StringBuilder();
    out.append(Summary.header(plan)).append(NL);
    if (!plan.unresolved().isEmpty()) {
      out.append(NL)
          .append(ansi.bold("Warning: "))
          .append(Summary.unresolvedWarning(plan))
          .append(NL);
      plan.unresolved().forEach(ref -> out.append("  ").append(ref).append(NL));
    }
    if (plan.targeted()) {
      out.append(NL).append(ansi.bold("Warning: ")).append(Summary.targetWarning(plan)).append(NL);
    }
    out.append(NL);
    if (Summary.nothingToDo(plan)) {
      out.append(ansi.bold(Summary.NO_CHANGES)).append(NL);
      return duplicates(out, plan).toString();
    }
    out.append("flowform will perform the following actions:").append(NL).append(NL);
    for (Change change : plan.changes()) {
      if (change.action() != Action.NOOP) {
        renderChange(out, plan.environment(), change);
        out.append(NL);
      }
    }
    out.append(ansi.bold(Summary.line(plan))).append(NL);
    Summary.notPlanned(plan).ifPresent(line -> out.append(line).append(NL));
    return duplicates(out, plan).toString();
  }

  private StringBuilder duplicates(StringBuilder out, Plan plan) {
    List<String> lines = Summary.duplicates(plan);
    if (!lines.isEmpty()) {
      out.append(NL).append(ansi.bold("Warning: ")).append(lines.get(0)).append(NL);
      lines.subList(1, lines.size()).forEach(line -> out.append(line).append(NL));
    }
    return out;
  }

  private void renderChange(StringBuilder out, String environment, Change change) {
    Action action = change.action();
    out.append("  ").append(ansi.dim("# " + Hints.reason(change))).append(NL);
    out.append("  ")
        .append(ansi.action(action, action.symbol() + " " + Hints.verb(change)))
        .append(" ")
        .append(kinds.label(change.kind()))
        .append(" \"")
        .append(change.address())
        .append('"')
        .append(Hints.idSuffix(change))
        .append(NL);
    for (AttributeChange attribute : change.attributes()) {
      out.append("      ")
          .append(attributeLine(Hints.setsAll(change) ? Action.CREATE : action, attribute))
          .append(NL);
    }
    if (action == Action.DELETE && change.name() != null) {
      out.append("      ")
          .append(ansi.action(Action.DELETE, "-"))
          .append(" name = ")
          .append(Attributes.quote(change.name()))
          .append(NL);
    }
    for (String hint : Hints.of(environment, change)) {
      out.append("      ").append(ansi.dim("# " + hint)).append(NL);
    }
  }

  private String attributeLine(Action action, AttributeChange a) {
    String name = Attributes.name(a);
    boolean creating = action == Action.CREATE;
    if (a.sensitive()) {
      return creating
          ? ansi.action(Action.CREATE, "+") + " " + name + " = " + Attributes.SENSITIVE
          : ansi.action(Action.UPDATE, "~") + " " + name + " = " + Attributes.sensitiveChange(a);
    }
    if (creating || a.before() == null) {
      return ansi.action(Action.CREATE, "+") + " " + name + " = " + Attributes.quote(a.after());
    }
    if (a.after() == null) {
      return ansi.action(Action.DELETE, "-")
          + " "
          + name
          + " = "
          + Attributes.quote(a.before())
          + " -> null";
    }
    return ansi.action(Action.UPDATE, "~")
        + " "
        + name
        + " = "
        + Attributes.quote(a.before())
        + " -> "
        + Attributes.quote(a.after());
  }
}
