package dev.flowform.cli;

import dev.flowform.cli.render.JsonPlanRenderer;
import dev.flowform.cli.render.MarkdownPlanRenderer;
import dev.flowform.cli.render.PlanRenderer;
import dev.flowform.cli.render.TextPlanRenderer;

/** {@code --output}: how a plan is shown. */
public enum OutputFormat {
  TEXT,
  JSON,
  MARKDOWN;

  PlanRenderer renderer(boolean color) {
    return switch (this) {
      case TEXT -> new TextPlanRenderer(color);
      case JSON -> new JsonPlanRenderer();
      case MARKDOWN -> new MarkdownPlanRenderer();
    };
  }
}
