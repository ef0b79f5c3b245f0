package dev.flowform.apply;

import java.util.concurrent.atomic.AtomicBoolean;

/** A {@link Cancellation} that is set once, from any thread. */
public final class CancellationFlag implements Cancellation {
  private final AtomicBoolean cancelled = new AtomicBoolean();

  public void cancel() {
    cancelled.set(true);
  }

  @Override
  public boolean isCancelled() {
    return cancelled.get();
  }
}
