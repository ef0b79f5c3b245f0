package dev.flowform.apply;

import java.time.Clock;
import java.util.Objects;

/**
 * How an apply runs.
 *
 * @param parallelism at most this many requests in flight at once (the ceiling of the adaptive
 *     limit), and this many workers; a change whose last record is still on its way to disk no
 *     longer holds its worker, so one more change than this may be unfinished at once
 * @param cancellation checked before each change is started and while a request waits for a slot
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

  /** Starts from the defaults (parallelism 8, never cancelled, no listener); set what differs. */
  public static Builder builder(Clock clock) {
    return new Builder(clock);
  }

  /** Builds {@link ApplyOptions}; whatever is not set keeps its default. */
  public static final class Builder {
    private final Clock clock;
    private int parallelism = DEFAULT_PARALLELISM;
    private Cancellation cancellation = Cancellation.NEVER;
    private ApplyListener listener = ApplyListener.NONE;
    private int maxRequeues = DEFAULT_MAX_REQUEUES;
    private int maxCreateAttempts = DEFAULT_MAX_CREATE_ATTEMPTS;
    private Settling settling = Settling.STANDARD;

    private Builder(Clock clock) {
      this.clock = clock;
    }

    public Builder parallelism(int value) {
      parallelism = value;
      return this;
    }

    public Builder cancellation(Cancellation value) {
      cancellation = value;
      return this;
    }

    public Builder listener(ApplyListener value) {
      listener = value;
      return this;
    }

    public Builder maxRequeues(int value) {
      maxRequeues = value;
      return this;
    }

    public Builder settling(Settling value) {
      settling = value;
      return this;
    }

    public ApplyOptions build() {
      return new ApplyOptions(
          parallelism, cancellation, clock, listener, maxRequeues, maxCreateAttempts, settling);
    }
  }
}
