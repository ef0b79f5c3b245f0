package dev.flowform.cli.render;

import dev.flowform.plan.Action;

/** ANSI colours for the text plan, or none at all. */
final class Ansi {
  private static final String RESET = "\u001b[0m";
  private final boolean enabled;

  Ansi(boolean enabled) {
    this.enabled = enabled;
  }

  String action(Action action, String text) {
    return paint(code(action), text);
  }

  String bold(String text) {
    return paint("1", text);
  }

  String dim(String text) {
    return paint("2", text);
  }

  private String paint(String code, String text) {
    return enabled ? "\u001b[" + code + "m" + text + RESET : text;
  }

  private static String code(Action action) {
    return switch (action) {
      case CREATE -> "32";
      case UPDATE, ORPHAN -> "33";
      case DELETE, CONFLICT -> "31";
      case REPLACE -> "35";
      case MOVE, IMPORT -> "36";
      case NOOP -> "0";
    };
  }
}
