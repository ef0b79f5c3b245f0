package dev.flowform.state;

import java.util.Optional;

/** Where one environment's state lives. */
public interface StateStore {

  /**
   * The current state; empty when none has been written yet.
   *
   * @throws dev.flowform.diag.FlowformException when the file is corrupt or of an unknown format
   *     version (the file is left exactly as it was)
   */
  Optional<State> read();

  /** Replaces the state atomically; the previous version is kept as a backup. */
  void write(State state);
}
