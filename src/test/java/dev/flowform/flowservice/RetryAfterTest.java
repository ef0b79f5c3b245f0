package dev.flowform.flowservice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flowform.testing.Fixtures;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private final Clock clock = Fixtures.CLOCK;

  @Test
  void readsDelaySeconds() {
    assertEquals(Optional.of(Duration.ofSeconds(120)), RetryAfter.parse(" 120 ", clock));
  }

  @Test
  void readsAnHttpDateRelativeToTheClock() {
    assertEquals(
        Optional.of(Duration.ofSeconds(30)),
        RetryAfter.parse("Sat, 28 Nov 2026 10:00:30 GMT", clock));
  }

  @Test
  void aDateInThePastMeansNoWait() {
    assertEquals(
        Optional.of(Duration.ZERO), RetryAfter.parse("Fri, 27 Nov 2026 10:00:00 GMT", clock));
  }

  @Test
  void anAbsentOrUnreadableHeaderIsIgnored() {
    assertEquals(Optional.empty(), RetryAfter.parse(null, clock));
    assertEquals(Optional.empty(), RetryAfter.parse("soon", clock));
    assertEquals(Optional.empty(), RetryAfter.parse("-5", clock));
  }
}
