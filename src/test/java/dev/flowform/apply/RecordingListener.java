package dev.flowform.apply;

import dev.flowform.plan.Change;
import java.util.ArrayList;
import java.util.List;

/** Remembers what an apply told its listener. */
final class RecordingListener implements ApplyListener {
  private final List<String> started = new ArrayList<>();
  private final List<ChangeOutcome> done = new ArrayList<>();

  @Override
  public void onStart(Change change) {
    started.add(change.address());
  }

  @Override
  public void onDone(Change change, ChangeOutcome outcome) {
    done.add(outcome);
  }

  List<String> started() {
    return List.copyOf(started);
  }

  List<ChangeOutcome> done() {
    return List.copyOf(done);
  }
}
