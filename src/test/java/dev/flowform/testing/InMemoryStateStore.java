package dev.flowform.testing;

import dev.flowform.state.State;
import dev.flowform.state.StateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** A state store in memory: keeps every version written. */
public final class InMemoryStateStore implements StateStore {
  private final AtomicReference<State> current = new AtomicReference<>();
  private final List<State> history = new ArrayList<>();

  public InMemoryStateStore(State initial) {
    current.set(initial);
  }

  @Override
  public Optional<State> read() {
    return Optional.ofNullable(current.get());
  }

  @Override
  public synchronized void write(State state) {
    current.set(state);
    history.add(state);
  }

  /** Every state written, oldest first. */
  public synchronized List<State> history() {
    return List.copyOf(history);
  }
}
