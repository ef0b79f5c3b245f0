package dev.flowform.apply;

import dev.flowform.plan.Change;

/**
 * Follows an apply as it runs, for a progress display. Both methods are called from the thread that
 * called {@link Applier#apply}, one at a time, so an implementation needs no locking.
 */
public interface ApplyListener {

  /** Ignores everything. */
  ApplyListener NONE = new ApplyListener() {};

  /** The change was handed to a worker (called once per change, not again when requeued). */
  default void onStart(Change change) {}

  /** The change ended, or was never started (then {@code onStart} was not called). */
  default void onDone(Change change, ChangeOutcome outcome) {}
}
