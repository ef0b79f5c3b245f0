package dev.flowform.state;

import java.util.Objects;

/**
 * One state to record, as {@link StateStore#recordAll} takes them in a batch.
 *
 * @param state the whole state after the change
 * @param address the one address it changed (set or removed) from the state before it; null when it
 *     may differ anywhere (a move touches two addresses), so it is written whole
 */
public record StateChange(State state, String address) {
  public StateChange {
    Objects.requireNonNull(state, "state");
  }

  /** A change of {@code address} alone. */
  public static StateChange at(State state, String address) {
    return new StateChange(state, Objects.requireNonNull(address, "address"));
  }

  /** A change that may touch several addresses: written whole. */
  public static StateChange whole(State state) {
    return new StateChange(state, null);
  }
}
