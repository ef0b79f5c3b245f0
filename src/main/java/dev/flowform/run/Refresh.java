package dev.flowform.run;

import dev.flowform.plan.Duplicate;
import dev.flowform.plan.Duplicates;
import dev.flowform.refresh.RefreshResult;
import dev.flowform.state.ResourceState;
import dev.flowform.state.State;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code refresh}: brings state up to date with what the platform has, and writes it. */
public final class Refresh {

  /** What moved on the platform for one address; {@code etag} empty when it was deleted. */
  public record Moved(String address, String id, Optional<String> etag) {
    public boolean deleted() {
      return etag.isEmpty();
    }
  }

  /**
   * @param moved what changed outside flowform, by address
   * @param writtenSerial the serial written, or empty when state was already up to date
   * @param duplicates connections with the name of a managed one that state does not know
   */
  public record Outcome(
      List<Moved> moved, Optional<Long> writtenSerial, List<Duplicate> duplicates) {}

  private Refresh() {}

  public static Outcome run(Session session, int parallelism) {
    State before = session.state().recordedOrEmpty();
    RefreshResult result = session.refresh(parallelism);
    List<Duplicate> duplicates = Duplicates.find(before.resources(), result.view());
    if (session.state().recorded().isEmpty() || !result.stateChanged(before)) {
      return new Outcome(List.of(), Optional.empty(), duplicates);
    }
    session.state().store().write(result.state());
    return new Outcome(
        moved(before, result.state()), Optional.of(result.state().serial()), duplicates);
  }

  private static List<Moved> moved(State before, State after) {
    List<Moved> moved = new ArrayList<>();
    before
        .resources()
        .forEach(
            (address, was) -> {
              ResourceState now = after.resources().get(address);
              if (now == null) {
                moved.add(new Moved(address, was.id(), Optional.empty()));
              } else if (!Objects.equals(was.etag(), now.etag())
                  || !Objects.equals(was.name(), now.name())
                  || !Objects.equals(was.description(), now.description())) {
                moved.add(new Moved(address, now.id(), Optional.ofNullable(now.etag())));
              }
            });
    return moved;
  }
}
