package dev.flowform.diag;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * An immutable, sorted collection of diagnostics: everything found in one run, reported at once.
 */
public record Diagnostics(List<Diagnostic> all) {

  public static final Diagnostics NONE = new Diagnostics(List.of());

  public Diagnostics {
    all = all.stream().sorted(Diagnostic.ORDER).distinct().toList();
  }

  public static Diagnostics of(Diagnostic... diagnostics) {
    return new Diagnostics(List.of(diagnostics));
  }

  public Diagnostics plus(Diagnostics other) {
    List<Diagnostic> merged = new ArrayList<>(all);
    merged.addAll(other.all);
    return new Diagnostics(merged);
  }

  public Diagnostics plus(Diagnostic diagnostic) {
    return plus(of(diagnostic));
  }

  public boolean hasErrors() {
    return all.stream().anyMatch(Diagnostic::isError);
  }

  public boolean isEmpty() {
    return all.isEmpty();
  }

  public Stream<Diagnostic> errors() {
    return all.stream().filter(Diagnostic::isError);
  }

  public long errorCount() {
    return errors().count();
  }

  public long warningCount() {
    return all.size() - errorCount();
  }
}
