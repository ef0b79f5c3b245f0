package dev.flowform.state;

import java.util.List;
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
   * Records {@code changes} in order, each after the one before it (the first after the state last
   * read or written), durable together: once this returns, every one of them survives a crash; when
   * it throws, the caller must count none of them as recorded (some may have reached the disk).
   * This is how concurrent workers share one flush (group commit): the file store appends every
   * line in one write and one fsync, the PostgreSQL store commits one transaction. This default
   * records them one by one, which is always correct.
   */
  default void recordAll(List<StateChange> changes) {
    for (StateChange change : changes) {
      if (change.address() == null) {
        write(change.state());
      } else {
        record(change.state(), change.address());
      }
    }
  }

  /**
   * Ends the store's use: finishes what it keeps open (the file store folds a journal it appended
   * to; a read-only use writes nothing). Idempotent.
   */
  @Override
  default void close() {}

  /**
   * Refuses, before anything is sent, a state whose store holds another state bound to the same
   * sandbox (PostgreSQL: another key of the schema), unless the state's location asks to share it.
   * This default checks nothing: two state files are two locations.
   */
  default void checkSandbox(StateBinding binding) {}
}
