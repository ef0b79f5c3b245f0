package dev.flowform.emulator;

/** A failure the emulator can inject into a connection call, before or after the change lands. */
public enum FaultKind {
  /** The change is applied, then the answer is {@code 504} ({@code 1104-504}): outcome unknown. */
  TIMEOUT_AFTER_LANDING(true),
  /** The change is applied, then the connection is closed without an answer. */
  RESET_AFTER_LANDING(true),
  /** {@code 503} ({@code 1103-503}) before anything changes. */
  UNAVAILABLE(false),
  /** {@code 429} with {@code Retry-After} before anything changes. */
  THROTTLED(false),
  /**
   * {@code 400} ({@code 1100-400}) before anything changes, whose message repeats the request
   * verbatim (its {@link Faults#echoed() parts}: body, query string, headers), as some gateways and
   * proxies do; a client must scrub the secrets it sent from whatever it shows of such an answer.
   */
  ECHO_REQUEST(false);

  private final boolean afterLanding;

  FaultKind(boolean afterLanding) {
    this.afterLanding = afterLanding;
  }

  /** Whether the call's change is made before the fault shows. */
  public boolean afterLanding() {
    return afterLanding;
  }
}
