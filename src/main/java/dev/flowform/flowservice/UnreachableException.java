package dev.flowform.flowservice;

/**
 * A host of the run (the Flow Service or IMS) cannot be reached: the connection was refused, the
 * name did not resolve, or TLS failed. Once one call has found that out, every later call to that
 * host throws it at once, so a run ends with one error instead of one per connection.
 */
public final class UnreachableException extends FlowServiceException {
  private static final long serialVersionUID = 1L;
  private final String host;
  private final String reason;

  public UnreachableException(String host, String reason, String hint, Throwable cause) {
    super("could not reach " + host + ": " + reason, hint, cause);
    this.host = host;
    this.reason = reason;
  }

  /** {@code host:port}. */
  public String host() {
    return host;
  }

  /** What went wrong, e.g. {@code connection refused}. */
  public String reason() {
    return reason;
  }
}
