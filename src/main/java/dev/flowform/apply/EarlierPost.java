package dev.flowform.apply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How a rerun waits out the POST of a pending record (one an earlier run sent and never heard back
 * from, the run killed or its answer lost): that POST may still land until its request timeout and
 * the settling window after it have passed since it was sent, so the rerun looks for it until then,
 * the last lookup at the end, and never sends it again too early. A stamp ahead of this run's clock
 * (another runner's clock) never makes the wait longer than one POST could take to land.
 *
 * @param createTimeout how long one POST may take (the client's create timeout)
 */
record EarlierPost(Duration createTimeout, Settling settling, Clock clock) {

  /**
   * @param sentAt when the pending record's POST went out; null: it was not sent (nothing to wait)
   * @return what a lookup found, or empty when nothing appeared before the POST could no longer
   *     land
   */
  <T> Optional<T> waitOut(Instant sentAt, Supplier<Optional<T>> lookup) {
    if (sentAt == null) {
      return Optional.empty();
    }
    Duration longest = createTimeout.plus(settling.window());
    Duration left = Duration.between(clock.instant(), sentAt.plus(longest));
    if (left.isNegative() || left.isZero()) {
      return Optional.empty();
    }
    if (left.compareTo(longest) > 0) {
      left = longest;
    }
    return settling.over(left).lookFor(lookup);
  }
}
