package dev.flowform.flowservice;

import java.time.Duration;

/** Waits between retries. Injected so tests record the delays instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

  /** Sleeps for real on the calling thread. */
  Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
