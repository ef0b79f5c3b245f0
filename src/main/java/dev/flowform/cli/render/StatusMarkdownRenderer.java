package dev.flowform.cli.render;

import dev.flowform.status.StatusMatrix;

/** The status matrix as a Markdown table, for a pull-request comment or a job summary. */
public final class StatusMarkdownRenderer {

  public String render(StatusMatrix matrix) {
    StringBuilder out = new StringBuilder("### flowform status\n\n| connection |");
    matrix
        .environments()
        .forEach(
            e ->
                out.append(" `")
                    .append(e.name())
                    .append("`")
                    .append(StatusTextRenderer.mark(e))
                    .append(" |"));
    out.append("\n|---|");
    matrix.environments().forEach(e -> out.append("---|"));
    out.append('\n');
    matrix
        .rows()
        .forEach(
            (address, cells) -> {
              out.append("| `").append(address).append("` |");
              cells.forEach(c -> out.append(' ').append(StatusTextRenderer.label(c)).append(" |"));
              out.append('\n');
            });
    if (matrix.rows().isEmpty()) {
      out.append("\nNo connections in the manifests or in any state.\n");
    }
    StatusTextRenderer.notes(matrix)
        .forEach(note -> out.append('\n').append(note.replace("*", "\\*")));
    return out.toString();
  }
}
