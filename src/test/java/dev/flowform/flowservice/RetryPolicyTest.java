package dev.flowform.flowservice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  /** A Random that always draws the highest value allowed, so the ceiling is visible. */
  private static final class Highest extends Random {
    private static final long serialVersionUID = 1L;

    @Override
    public long nextLong(long bound) {
      return bound - 1;
    }
  }

  /** A Random that always draws zero. */
  private static final class Lowest extends Random {
    private static final long serialVersionUID = 1L;

    @Override
    public long nextLong(long bound) {
      return 0;
    }
  }

  private static RetryPolicy policy(Random random) {
    return new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(3), random);
  }

  @Test
  void noNextDelayIfMaxAttemptLimitReached() {
    RetryPolicy policy = policy(new Highest());
    assertTrue(policy.nextDelay(4, Optional.empty()).isPresent());
    assertEquals(Optional.empty(), policy.nextDelay(5, Optional.empty()));
    assertEquals(Optional.empty(), policy.nextDelay(5, Optional.of(Duration.ofSeconds(1))));
  }

  @Test
  void theCeilingDoublesOnEachAttemptUpToTheCap() {
    RetryPolicy policy = policy(new Highest());
    assertEquals(Optional.of(Duration.ofMillis(500)), policy.nextDelay(1, Optional.empty()));
    assertEquals(Optional.of(Duration.ofMillis(1000)), policy.nextDelay(2, Optional.empty()));
    assertEquals(Optional.of(Duration.ofMillis(2000)), policy.nextDelay(3, Optional.empty()));
    assertEquals(Optional.of(Duration.ofMillis(3000)), policy.nextDelay(4, Optional.empty()));
  }

  @Test
  void fullJitterMayWaitNothingAtAll() {
    assertEquals(Optional.of(Duration.ZERO), policy(new Lowest()).nextDelay(3, Optional.empty()));
  }

  @Test
  void jitteredDelaysStayWithinTheCeiling() {
    RetryPolicy policy = policy(new Random(1));
    for (int i = 0; i < 200; i++) {
      Duration delay = policy.nextDelay(2, Optional.empty()).orElseThrow();
      assertTrue(delay.toMillis() >= 0 && delay.toMillis() <= 1000, delay::toString);
    }
  }

  @Test
  void retryAfterIsWaitedAsAskedWithoutJitter() {
    assertEquals(
        Optional.of(Duration.ofSeconds(2)),
        policy(new Lowest()).nextDelay(1, Optional.of(Duration.ofSeconds(2))));
  }

  @Test
  void retryAfterIsCappedByTheMaximumDelay() {
    assertEquals(
        Optional.of(Duration.ofSeconds(3)),
        policy(new Lowest()).nextDelay(1, Optional.of(Duration.ofHours(1))));
  }

  @Test
  void aHugeAttemptNumberDoesNotOverflowTheBackoff() {
    RetryPolicy many =
        new RetryPolicy(1000, Duration.ofMillis(500), Duration.ofSeconds(3), new Highest());
    assertEquals(Optional.of(Duration.ofSeconds(3)), many.nextDelay(999, Optional.empty()));
  }
}
