package dev.flowform.flowservice;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * When to try a call again: exponential backoff with full jitter, or the server's {@code
 * Retry-After} when it gave one, every wait capped by {@code maxDelay}, at most {@code maxAttempts}
 * attempts in all. Which failures are worth a retry is the caller's business.
 */
final class RetryPolicy {
  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final Random random;

  RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Random random) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
    this.maxAttempts = maxAttempts;
    this.baseDelay = Objects.requireNonNull(baseDelay, "baseDelay");
    this.maxDelay = Objects.requireNonNull(maxDelay, "maxDelay");
    this.random = Objects.requireNonNull(random, "random");
  }

  static RetryPolicy of(FlowServiceConfig config, Random random) {
    return new RetryPolicy(config.maxAttempts(), config.baseDelay(), config.maxDelay(), random);
  }

  /**
   * @param attempt how many attempts were made so far (1 after the first)
   * @param retryAfter what the server asked for, if anything
   * @return how long to wait before the next attempt, or empty when no attempt is left
   */
  Optional<Duration> nextDelay(int attempt, Optional<Duration> retryAfter) {
    if (attempt >= maxAttempts) {
      return Optional.empty();
    }
    if (retryAfter.isPresent()) {
      Duration asked = retryAfter.get().isNegative() ? Duration.ZERO : retryAfter.get();
      return Optional.of(min(asked, maxDelay));
    }
    long ceiling = min(exponential(attempt), maxDelay).toMillis();
    long jittered = ceiling <= 0 ? 0 : random.nextLong(ceiling + 1);
    return Optional.of(Duration.ofMillis(jittered));
  }

  int maxAttempts() {
    return maxAttempts;
  }

  private Duration exponential(int attempt) {
    int doublings = Math.min(attempt - 1, 30);
    long millis = baseDelay.toMillis();
    long factor = 1L << doublings;
    return millis > Long.MAX_VALUE / factor ? maxDelay : Duration.ofMillis(millis * factor);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
