package dev.flowform.emulator;

import java.time.Clock;

/** At most N requests per clock second (a fixed window); more answer 429 with Retry-After. */
final class RateLimiter {
  private final int perSecond;
  private final Clock clock;
  private long window = Long.MIN_VALUE;
  private int used;

  /** {@code perSecond} 0 admits everything. */
  RateLimiter(int perSecond, Clock clock) {
    this.perSecond = perSecond;
    this.clock = clock;
  }

  /** Counts one request, or throws the 429 when this second's allowance is spent. */
  synchronized void admit() {
    if (perSecond == 0) {
      return;
    }
    long now = clock.millis();
    long second = Math.floorDiv(now, 1000L);
    if (second != window) {
      window = second;
      used = 0;
    }
    if (used >= perSecond) {
      long untilNextWindow = (second + 1) * 1000L - now;
      throw Errors.tooManyRequests(Math.max(1, (untilNextWindow + 999) / 1000));
    }
    used++;
  }
}
