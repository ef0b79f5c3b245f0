package dev.flowform.state;

import java.util.List;
import java.util.Optional;

/** A store that keeps every version of its state ({@code state history}, {@code --serial N}). */
public interface StateHistory {

  /** Every version kept, oldest first. */
  List<StateVersion> versions();

  /**
   * The state as it was at {@code serial}; empty when no version has that serial.
   *
   * @throws dev.flowform.diag.FlowformException when the kept version cannot be read
   */
  Optional<State> readAt(long serial);
}
