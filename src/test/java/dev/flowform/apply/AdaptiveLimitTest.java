package dev.flowform.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdaptiveLimitTest {

  @Test
  void startsAtTheMaximum() {
    assertEquals(8, new AdaptiveLimit(8).limit());
  }

  @Test
  void halvesOnAThrottledRequest() {
    AdaptiveLimit limit = new AdaptiveLimit(8);

    limit.onThrottled();

    assertEquals(4, limit.limit());
    limit.onThrottled();
    assertEquals(2, limit.limit());
  }

  @Test
  void growsByOneOnEachSuccess() {
    AdaptiveLimit limit = new AdaptiveLimit(8);
    limit.onThrottled();

    limit.onSuccess();

    assertEquals(5, limit.limit());
  }

  @Test
  void neverGoesBelowOne() {
    AdaptiveLimit limit = new AdaptiveLimit(3);

    for (int i = 0; i < 5; i++) {
      limit.onThrottled();
    }

    assertEquals(1, limit.limit());
  }

  @Test
  void neverGoesAboveTheMaximum() {
    AdaptiveLimit limit = new AdaptiveLimit(3);

    for (int i = 0; i < 5; i++) {
      limit.onSuccess();
    }

    assertEquals(3, limit.limit());
  }

  @Test
  void grantsNoMoreSlotsThanTheCurrentLimit() {
    AdaptiveLimit limit = new AdaptiveLimit(4);
    limit.onThrottled();

    assertTrue(limit.tryAcquire());
    assertTrue(limit.tryAcquire());
    assertFalse(limit.tryAcquire());
    limit.release();
    assertTrue(limit.tryAcquire());
    assertEquals(2, limit.inFlight());
  }

  @Test
  void aSuccessOpensAnotherSlot() {
    AdaptiveLimit limit = new AdaptiveLimit(2);
    limit.onThrottled();
    assertTrue(limit.tryAcquire());
    assertFalse(limit.tryAcquire());

    limit.onSuccess();

    assertTrue(limit.tryAcquire());
  }

  @Test
  void refusesAReleaseWithoutAnAcquire() {
    assertThrows(IllegalStateException.class, () -> new AdaptiveLimit(2).release());
  }
}
