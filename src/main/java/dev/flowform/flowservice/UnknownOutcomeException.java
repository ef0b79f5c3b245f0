package dev.flowform.flowservice;

/**
 * A create whose outcome is unknown: it timed out, the connection was reset, or the answer was a
 * 500, 502, 503 or 504. The connection may exist; look it up by name before sending it again.
 */
public final class UnknownOutcomeException extends FlowServiceException {
  private static final long serialVersionUID = 1L;

  static final String HINT =
      "the create may have landed; flowform looks the name up before sending it again";

  /** Built by {@link FlowServiceException.Builder#unknownOutcome()}. */
  UnknownOutcomeException(FlowServiceException.Builder b) {
    super(b);
  }
}
