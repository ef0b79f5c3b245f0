package dev.flowform.state.pg;

import java.time.Duration;

/** How long to wait between tries for a lock; tests pass one that does not sleep. */
interface Sleeper {
  void sleep(Duration duration) throws InterruptedException;

  static Sleeper real() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
