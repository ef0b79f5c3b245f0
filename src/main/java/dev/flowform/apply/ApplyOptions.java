package dev.flowform.apply;

import java.time.Clock;
import java.util.Objects;

/**
 * How an apply runs.
 *
 * @param parallelism at most this many changes at once, and the ceiling of the adaptive limit
 * @param cancellation checked before each change is started
 * @param clock stamps {@code createdAt} and {@code updatedAt} in state
 * @param listener progress callbacks
 * @param maxRequeues how often a change throttled with 429 (after the client's own retries) is put
 *     back in the queue before it fails
 * @param settling the pause before looking up a create whose outcome is unknown
 * @param maxCreateAttempts POSTs of one create whose outcome stays unknown before it fails (each
 *     after a lookup by name found nothing)
 */
public record ApplyOptions(
    int parallelism,
    Cancellation cancellation,
    Clock clock,
    ApplyListener listener,
    int maxRequeues,
    int maxCreateAttempts,
    Settling settling) {

  public static final int DEFAULT_PARALLELISM = 8;
  public static final int DEFAULT_MAX_REQUEUES = 5;
  public static final int DEFAULT_MAX_CREATE_ATTEMPTS = 6;

  public ApplyOptions {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
    }
    if (maxRequeues < 0 || maxCreateAttempts < 1) {
      throw new IllegalArgumentException("maxRequeues >= 0 and maxCreateAttempts >= 1");
    }
    Objects.requireNonNull(cancellation, "cancellation");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(settling, "settling");
  }

  /** Parallelism 8, never cancelled, no listener. */
  public static ApplyOptions defaults(Clock clock) {
    return new ApplyOptions(
        DEFAULT_PARALLELISM,
        Cancellation.NEVER,
        clock,
        ApplyListener.NONE,
        DEFAULT_MAX_REQUEUES,
        DEFAULT_MAX_CREATE_ATTEMPTS,
        Settling.STANDARD);
  }

  public ApplyOptions withParallelism(int value) {
    return new ApplyOptions(
        value, cancellation, clock, listener, maxRequeues, maxCreateAttempts, settling);
  }

  public ApplyOptions withCancellation(Cancellation value) {
    return new ApplyOptions(
        parallelism, value, clock, listener, maxRequeues, maxCreateAttempts, settling);
  }

  public ApplyOptions withListener(ApplyListener value) {
    return new ApplyOptions(
        parallelism, cancellation, clock, value, maxRequeues, maxCreateAttempts, settling);
  }

  public ApplyOptions withSettling(Settling value) {
    return new ApplyOptions(
        parallelism, cancellation, clock, listener, maxRequeues, maxCreateAttempts, value);
  }

  public ApplyOptions withMaxRequeues(int value) {
    return new ApplyOptions(
        parallelism, cancellation, clock, listener, value, maxCreateAttempts, settling);
  }
}
