package dev.flowform.diag;

/**
 * An error to show the user as one clear message (with an optional hint), ending the run with exit
 * code 1. Never carries a secret.
 */
public class FlowformException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String hint;

  public FlowformException(String message) {
    this(message, null, null);
  }

  public FlowformException(String message, String hint) {
    this(message, hint, null);
  }

  public FlowformException(String message, String hint, Throwable cause) {
    super(message, cause);
    this.hint = hint;
  }

  /** What the user can do about it, or null. */
  public String hint() {
    return hint;
  }
}
