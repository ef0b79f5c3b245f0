package dev.flowform.apply;

import java.time.Duration;

/**
 * How many Flow Service requests may run at once, adapted to rate limiting (AIMD): halved when the
 * platform answers 429 past the client's own retries, grown by one after each success, always
 * between 1 and the maximum (the {@code --parallelism}).
 */
public final class AdaptiveLimit {
  /** How often a wait for a slot looks whether the apply was cancelled. */
  static final Duration CANCEL_CHECK = Duration.ofMillis(20);

  private final int max;
  private int limit;
  private int inFlight;

  public AdaptiveLimit(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1, was " + max);
    }
    this.max = max;
    this.limit = max;
  }

  public synchronized int limit() {
    return limit;
  }

  public synchronized int inFlight() {
    return inFlight;
  }

  /** Takes a slot when one is free under the current limit. */
  public synchronized boolean tryAcquire() {
    if (inFlight >= limit) {
      return false;
    }
    inFlight++;
    return true;
  }

  /**
   * Waits for a free slot under the current limit and takes it, unless the apply is cancelled first
   * (looked at every {@link #CANCEL_CHECK}, and once more when a slot is free).
   *
   * @return false when cancelled: no slot was taken
   */
  public synchronized boolean acquire(Cancellation cancellation) throws InterruptedException {
    while (inFlight >= limit && !cancellation.isCancelled()) {
      wait(CANCEL_CHECK.toMillis());
    }
    if (cancellation.isCancelled()) {
      return false;
    }
    inFlight++;
    return true;
  }

  /** Gives back a slot taken with {@link #acquire} or {@link #tryAcquire}. */
  public synchronized void release() {
    if (inFlight == 0) {
      throw new IllegalStateException("release without acquire");
    }
    inFlight--;
    notifyAll();
  }

  /** A request succeeded: one more may run at once, up to the maximum. */
  public synchronized void onSuccess() {
    if (limit < max) {
      limit++;
      notifyAll();
    }
  }

  /** A request was rate limited: half as many may run at once, never fewer than one. */
  public synchronized void onThrottled() {
    limit = Math.max(1, limit / 2);
  }
}
