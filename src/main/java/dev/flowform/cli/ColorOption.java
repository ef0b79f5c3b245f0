package dev.flowform.cli;

import picocli.CommandLine.Option;

/** {@code --no-color}, for the commands whose output has colour. */
public final class ColorOption {

  @Option(names = "--no-color", description = "Plain output, no colour (also: NO_COLOR).")
  boolean noColor;

  /** Colour only on a terminal, and never with --no-color or NO_COLOR. */
  public boolean color(CliContext context) {
    return !noColor && !context.env().containsKey("NO_COLOR") && context.terminal().interactive();
  }
}
