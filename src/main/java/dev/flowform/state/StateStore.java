package dev.flowform.state;

import java.util.Optional;

/** Where one environment's state lives. */
public interface StateStore extends AutoCloseable {

  /**
   * The current state; empty when none has been written yet.
   *
   * @throws dev.flowform.diag.FlowformException when the file is corrupt or of an unknown format
   *     version (the file is left exactly as it was)
   */
  Optional<State> read();

  /** Replaces the state atomically; the previous version is kept as a backup. */
  void write(State state);

  /**
   * Records a state that differs from the one last read or written at {@code changedAddress} only
   * (set or removed): what the applier calls after each change. Once this returns, the change
   * survives a crash. Stores that can make this cheaper than a whole {@link #write} do (the file
   * store appends to a journal, so recording costs the same for 100 or 10,000 resources); this
   * default simply writes the whole state, which is always correct.
   */
  default void record(State newState, String changedAddress) {
    write(newState);
  }

  /**
   * Ends the store's use: finishes what it keeps open (the file store folds a journal it appended
   * to; a read-only use writes nothing). Idempotent.
   */
  @Override
  default void close() {}
}
