package dev.flowform.cli.render;

import dev.flowform.plan.Action;
import dev.flowform.plan.AttributeChange;
import dev.flowform.plan.Change;
import java.util.ArrayList;
import java.util.List;

/** One change of a Markdown plan: a folded {@code <details>} block with a fenced diff inside. */
final class MarkdownChange {
  private static final String NL = "\n";

  private MarkdownChange() {}

  static String block(String environment, Change change) {
    List<String> lines = new ArrayList<>();
    for (AttributeChange attribute : change.attributes()) {
      lines.addAll(diffLines(change.action(), attribute));
    }
    if (change.action() == Action.DELETE && change.name() != null) {
      lines.add("- name = " + Attributes.quote(change.name()));
    }
    Hints.of(environment, change).forEach(hint -> lines.add("# " + hint));
    String body = String.join(NL, lines);
    String fence = fenceFor(body);
    StringBuilder out = new StringBuilder();
    out.append("<details><summary><code>")
        .append(html(change.action().symbol().strip()))
        .append("</code> ")
        .append(Hints.verb(change))
        .append(" <b>")
        .append(html(change.address()))
        .append("</b>")
        .append(html(Hints.idSuffix(change)))
        .append(": ")
        .append(html(change.reason().description()))
        .append("</summary>")
        .append(NL)
        .append(NL);
    if (!lines.isEmpty()) {
      out.append(fence).append("diff").append(NL).append(body).append(NL).append(fence).append(NL);
      out.append(NL);
    }
    return out.append("</details>").append(NL).append(NL).toString();
  }

  private static List<String> diffLines(Action action, AttributeChange a) {
    String name = Attributes.name(a);
    if (a.sensitive()) {
      return action == Action.CREATE
          ? List.of("+ " + name + " = " + Attributes.SENSITIVE)
          : List.of(
              "- " + name + " = " + Attributes.SENSITIVE,
              "+ " + name + " = " + Attributes.SENSITIVE_CHANGED);
    }
    List<String> out = new ArrayList<>();
    if (action != Action.CREATE && a.before() != null) {
      out.add("- " + name + " = " + Attributes.quote(a.before()));
    }
    if (a.after() != null) {
      out.add("+ " + name + " = " + Attributes.quote(a.after()));
    }
    return out;
  }

  /** A backtick fence longer than any run of backticks in the body, so values cannot close it. */
  private static String fenceFor(String body) {
    int longest = 0;
    int run = 0;
    for (char c : body.toCharArray()) {
      run = c == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return "`".repeat(Math.max(3, longest + 1));
  }

  private static String html(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
