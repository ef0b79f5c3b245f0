package dev.flowform.apply;

import dev.flowform.flowservice.Sleeper;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How long flowform keeps looking for a create whose outcome is unknown before it sends it again: a
 * lookup by name after {@code delay}, then after growing pauses (2, 3, ... times {@code delay}, the
 * last one cut to fit) until {@code window} has passed. A platform's name search may lag behind a
 * create (whether AEP's does is not documented): one early lookup that finds nothing is no proof
 * that the create did not land, and a resend then makes a duplicate. The pauses are also a backoff
 * before a resend after a 5xx.
 *
 * @param delay the pause before the first lookup; the n-th waits n times as long
 * @param window how long after the unknown outcome the last lookup happens; at least one lookup is
 *     made whatever it is
 */
public record Settling(Duration delay, Duration window, Sleeper sleeper) {

  /** The default window: several lookups over a few seconds. */
  public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(4);

  /** Lookups at +0.5 s, +1.5 s, +3 s and +4 s: real sleeps. */
  public static final Settling STANDARD =
      new Settling(Duration.ofMillis(500), DEFAULT_WINDOW, Sleeper.THREAD);

  public Settling {
    if (delay.isNegative() || window.isNegative()) {
      throw new IllegalArgumentException("settling delay and window must not be negative");
    }
  }

  /** The standard pauses, looking for {@code window} in all. */
  public static Settling standard(Duration window) {
    return new Settling(STANDARD.delay(), window, Sleeper.THREAD);
  }

  /** The same pauses, looking for {@code longer} in all. */
  Settling over(Duration longer) {
    return new Settling(delay, longer, sleeper);
  }

  /**
   * Looks with {@code lookup} until it finds something or the window has passed.
   *
   * @return what the first successful lookup found, or empty when none did
   */
  <T> Optional<T> lookFor(Supplier<Optional<T>> lookup) {
    Duration waited = Duration.ZERO;
    for (int look = 1; ; look++) {
      Duration pause = delay.multipliedBy(look);
      Duration left = window.minus(waited);
      if (pause.compareTo(left) > 0) {
        pause = left.isNegative() ? Duration.ZERO : left;
      }
      sleep(pause);
      waited = waited.plus(pause);
      Optional<T> found = lookup.get();
      if (found.isPresent() || waited.compareTo(window) >= 0 || pause.isZero()) {
        return found;
      }
    }
  }

  private void sleep(Duration pause) {
    if (pause.isZero()) {
      return;
    }
    try {
      sleeper.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
