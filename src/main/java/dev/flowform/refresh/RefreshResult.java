package dev.flowform.refresh;

import dev.flowform.plan.RemoteView;
import dev.flowform.state.State;

/**
 * What a refresh read.
 *
 * @param view for the planner
 * @param state the state updated with what the platform moved (see {@link StateRefresh#learn}):
 *     what {@code flowform refresh} writes; the input state itself when nothing moved
 */
public record RefreshResult(RemoteView view, State state) {

  /** True when {@link #state()} differs from the state refreshed, so it is worth writing. */
  public boolean stateChanged(State before) {
    return state.serial() != before.serial();
  }
}
