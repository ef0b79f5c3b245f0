package dev.flowform.cli.render;

import dev.flowform.plan.AttributeChange;

/** How renderers show attribute paths and values: {@code auth.params.clientId = "abc"}. */
final class Attributes {
  static final String SENSITIVE = "(sensitive)";
  static final String SENSITIVE_CHANGED = "(sensitive value changed)";

  /** A sensitive value that cannot be compared: {@code (sensitive, not comparable: imported)}. */
  static String sensitiveChange(AttributeChange attribute) {
    return attribute.notComparable() == null
        ? SENSITIVE_CHANGED
        : "(sensitive, not comparable: " + attribute.notComparable() + ")";
  }

  private Attributes() {}

  /** {@code /auth/params/clientId} as {@code auth.params.clientId}. */
  static String name(AttributeChange attribute) {
    String path = attribute.path();
    return (path.startsWith("/") ? path.substring(1) : path).replace('/', '.');
  }

  /** A value as a double-quoted string with escapes, or {@code null}. */
  /** An id only apply will know, shown unquoted as Terraform does. */
  static final String KNOWN_AFTER_APPLY = "(known after apply)";

  static String quote(String value) {
    if (value == null) {
      return "null";
    }
    if (value.equals(KNOWN_AFTER_APPLY)) {
      return value;
    }
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
