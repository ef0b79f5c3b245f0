package dev.flowform.diag;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in the user's input, e.g. {@code manifests/a.yaml:3:5: error: unknown field
 * 'nmae' (did you mean 'name'?)}. {@code position} and {@code hint} may be null.
 */
public record Diagnostic(Severity severity, SourcePosition position, String message, String hint) {

  /** Sorted by file, line, column, then message: the order users read them in. */
  public static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(
              (Diagnostic d) -> d.position() == null ? "" : d.position().file(),
              Comparator.naturalOrder())
          .thenComparingInt(d -> d.position() == null ? 0 : d.position().line())
          .thenComparingInt(d -> d.position() == null ? 0 : d.position().column())
          .thenComparing(Diagnostic::message);

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  public static Diagnostic error(SourcePosition position, String message) {
    return new Diagnostic(Severity.ERROR, position, message, null);
  }

  public static Diagnostic error(SourcePosition position, String message, String hint) {
    return new Diagnostic(Severity.ERROR, position, message, hint);
  }

  public static Diagnostic warning(SourcePosition position, String message) {
    return new Diagnostic(Severity.WARNING, position, message, null);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code path:line:col: error: message (hint)} */
  public String format() {
    StringBuilder out = new StringBuilder();
    if (position != null) {
      out.append(position).append(": ");
    }
    out.append(severity.label()).append(": ").append(message);
    if (hint != null && !hint.isBlank()) {
      out.append(" (").append(hint).append(')');
    }
    return out.toString();
  }
}
