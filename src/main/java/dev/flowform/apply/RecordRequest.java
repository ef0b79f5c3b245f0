package dev.flowform.apply;

import dev.flowform.state.State;
import dev.flowform.state.StateChange;
import java.util.Optional;

/**
 * One worker's record waiting for its group commit: the edit to make on the state as it will be
 * when the record's turn comes, and, once the flush is over, whether it is durable. Guarded by the
 * recorder's monitor (its waiters wait there); {@code done} is volatile and set last, so a waiter
 * that sees it done sees why.
 */
final class RecordRequest {
  /** An edit of the state; empty when there is nothing to write. May throw to refuse. */
  interface Edit {
    Optional<StateChange> apply(State before);
  }

  /** What a durable record changes beside the state (the recorder's index of ids). */
  interface AfterDurable {
    void run();
  }

  private final Edit edit;
  private final AfterDurable afterDurable;
  private RuntimeException failure;
  private volatile boolean done;

  RecordRequest(Edit edit, AfterDurable afterDurable) {
    this.edit = edit;
    this.afterDurable = afterDurable;
  }

  Edit edit() {
    return edit;
  }

  AfterDurable afterDurable() {
    return afterDurable;
  }

  void succeed() {
    done = true;
  }

  void fail(RuntimeException e) {
    failure = e;
    done = true;
  }

  boolean done() {
    return done;
  }

  /** Returns when durable, or throws what made it fail. */
  void outcome() {
    if (failure != null) {
      throw failure;
    }
  }
}
