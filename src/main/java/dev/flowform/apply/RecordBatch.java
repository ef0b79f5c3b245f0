package dev.flowform.apply;

import dev.flowform.state.State;
import dev.flowform.state.StateChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One group commit's worth of records: the requests drained from the recorder's queue, applied in
 * order to the durable state, and the changes they make, for the store to write in one flush. Used
 * by one thread, the batch's leader.
 */
final class RecordBatch {
  private final List<RecordRequest> requests;
  private final List<RecordRequest> writing = new ArrayList<>();
  private final List<StateChange> changes = new ArrayList<>();
  private State after;

  /** Applies {@code requests} to {@code durable}; a request its edit refuses fails alone. */
  RecordBatch(State durable, List<RecordRequest> requests) {
    this.requests = List.copyOf(requests);
    this.after = durable;
    for (RecordRequest request : this.requests) {
      Optional<StateChange> change;
      try {
        change = request.edit().apply(after);
      } catch (RuntimeException e) {
        request.fail(e);
        continue;
      }
      if (change.isEmpty()) {
        request.succeed(); // nothing to write: already so
        continue;
      }
      after = change.get().state();
      changes.add(change.get());
      writing.add(request);
    }
  }

  /** What the store must write, in order; empty when nothing is to be written. */
  List<StateChange> changes() {
    return List.copyOf(changes);
  }

  /** The state once the changes are durable. */
  State after() {
    return after;
  }

  /** The requests whose change is in {@link #changes}: the ones the flush releases or fails. */
  List<RecordRequest> writing() {
    return List.copyOf(writing);
  }

  /** Every request drained, refused ones included. */
  List<RecordRequest> requests() {
    return requests;
  }
}
