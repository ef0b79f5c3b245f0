package dev.flowform.run;

import dev.flowform.diag.FlowformException;
import dev.flowform.state.ResourceState;
import dev.flowform.state.State;
import java.util.ArrayList;
import java.util.List;

/** {@code state mv} and {@code state rm}: edit state entries under the lock, never AEP. */
public final class StateEdits {

  /** One entry moved or forgotten, with the id of its connection. */
  public record Edited(String address, String id) {}

  private StateEdits() {}

  /** Moves the record at {@code from} to {@code to}; returns the moved entry at its new address. */
  public static Edited move(Session session, String from, String to) {
    State state = session.state().recordedOrFail();
    ResourceState moved = state.resource(from).orElseThrow(() -> notInState(session, from));
    if (state.resource(to).isPresent()) {
      throw new FlowformException(
          "'" + to + "' is already in state",
          "flowform state rm --env "
              + session.desired().environment().name()
              + " "
              + to
              + " first, if it is to be forgotten");
    }
    session.state().store().write(state.without(from).with(to, moved));
    return new Edited(to, moved.id());
  }

  /** Forgets every address, or none when one is not in state. */
  public static List<Edited> remove(Session session, List<String> addresses) {
    State state = session.state().recordedOrFail();
    List<Edited> removed = new ArrayList<>();
    for (String address : addresses) {
      ResourceState r = state.resource(address).orElseThrow(() -> notInState(session, address));
      removed.add(new Edited(address, r.id()));
    }
    State next = state;
    for (String address : addresses) {
      next = next.without(address);
    }
    session.state().store().write(next);
    return removed;
  }

  private static FlowformException notInState(Session session, String address) {
    return new FlowformException(
        "no '" + address + "' in state",
        "flowform state list --env "
            + session.desired().environment().name()
            + " shows what state holds");
  }
}
