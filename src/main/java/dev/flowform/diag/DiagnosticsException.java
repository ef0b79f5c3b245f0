package dev.flowform.diag;

/** Stops a run because the input has errors; the command line prints every diagnostic it holds. */
public final class DiagnosticsException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Diagnostics diagnostics;

  public DiagnosticsException(Diagnostics diagnostics) {
    super(diagnostics.errorCount() + " error(s) in the input");
    this.diagnostics = diagnostics;
  }

  public Diagnostics diagnostics() {
    return diagnostics;
  }
}
