package dev.flowform.apply;

import dev.flowform.flowservice.Sleeper;
import java.time.Duration;

/**
 * The pause between a create whose outcome is unknown and the lookup by name that decides whether
 * to send it again: time for a create that did land to show in the platform's list (whether the
 * list lags is not documented), growing with each attempt. It is also a backoff before a resend
 * after a 5xx.
 *
 * @param delay the pause after the first unknown outcome; the n-th waits n times as long
 */
public record Settling(Duration delay, Sleeper sleeper) {

  /** Half a second, then one second, ...: real sleeps. */
  public static final Settling STANDARD = new Settling(Duration.ofMillis(500), Sleeper.THREAD);

  /** Waits before the lookup that follows the {@code attempt}-th unknown outcome (1-based). */
  void before(int attempt) {
    Duration pause = delay.multipliedBy(attempt);
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
