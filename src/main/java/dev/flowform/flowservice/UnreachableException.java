package dev.flowform.flowservice;

/**
 * A host of the run (the Flow Service or IMS) cannot be used: the connection was refused, the name
 * did not resolve, TLS failed, or the host accepted the connection and then stalled (no answer
 * within the read timeout, or one trickling past the call timeout). Once one call has found that
 * out, every later call to that host throws it at once, so a run ends with one error instead of one
 * per connection.
 */
public final class UnreachableException extends FlowServiceException {
  private static final long serialVersionUID = 1L;
  private final String host;
  private final String reason;
  private final boolean stalled;

  /** A host that could not be connected to. */
  public UnreachableException(String host, String reason, String hint, Throwable cause) {
    this(host, reason, hint, false, cause);
  }

  private UnreachableException(
      String host, String reason, String hint, boolean stalled, Throwable cause) {
    super(
        stalled
            ? host + " answered but stalled: " + reason
            : "could not reach " + host + ": " + reason,
        hint,
        cause);
    this.host = host;
    this.reason = reason;
    this.stalled = stalled;
  }

  /** A host that accepted the connection, then did not finish its answer in time. */
  public static UnreachableException stalled(
      String host, String reason, String hint, Throwable cause) {
    return new UnreachableException(host, reason, hint, true, cause);
  }

  /** The same failure, thrown again by a later call. */
  UnreachableException again() {
    return new UnreachableException(host, reason, hint(), stalled, this);
  }

  /** {@code host:port}. */
  public String host() {
    return host;
  }

  /** What went wrong, e.g. {@code connection refused}. */
  public String reason() {
    return reason;
  }

  /** True when the host answered the connection but not the request. */
  public boolean isStalled() {
    return stalled;
  }
}
