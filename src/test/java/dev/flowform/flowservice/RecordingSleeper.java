package dev.flowform.flowservice;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link Sleeper} that records each delay and returns at once, then runs an optional hook. */
final class RecordingSleeper implements Sleeper {
  private final List<Duration> delays = new ArrayList<>();
  private final Runnable onSleep;

  RecordingSleeper() {
    this(() -> {});
  }

  RecordingSleeper(Runnable onSleep) {
    this.onSleep = onSleep;
  }

  @Override
  public synchronized void sleep(Duration duration) {
    delays.add(duration);
    onSleep.run();
  }

  synchronized List<Duration> delays() {
    return List.copyOf(delays);
  }
}
