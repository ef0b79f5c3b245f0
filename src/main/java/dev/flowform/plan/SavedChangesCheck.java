package dev.flowform.plan;

import dev.flowform.diag.FlowformException;
import dev.flowform.state.ResourceState;
import dev.flowform.state.State;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Refuses a saved plan whose changes are not those a fresh plan from the same state and manifests
 * would make: a plan file is only JSON, and one edited by hand (a delete carrying another id, say)
 * must never reach a connection this state does not manage. Each update, replace and delete must
 * carry the id and etag the state records for its address; a create must be for an address the
 * manifests declare and the state does not hold; an adoption must name a connection the state does
 * not record. The platform-dependent parts of a refreshed plan (a connection deleted outside
 * flowform, one found by name) are taken from the plan only where the state allows them.
 */
public final class SavedChangesCheck {
  private SavedChangesCheck() {}

  /**
   * The options of the fresh, offline plan a saved plan is compared with: every change any of
   * flowform's options could have planned (replace, prune), or destroy's.
   */
  public static PlanOptions freshOptions(Plan saved) {
    boolean destroy = saved.changes().stream().anyMatch(c -> c.reason() == Reason.DESTROY);
    return new PlanOptions(true, true, false, destroy);
  }

  /**
   * @param saved the plan read from the file, already known not to be stale
   * @param current the state as it is now
   * @param fresh a plan made now, offline, from the same manifests and state with {@link
   *     #freshOptions}
   * @throws FlowformException naming the first change that no fresh plan would contain
   */
  public static void check(Plan saved, Optional<State> current, Plan fresh) {
    Map<String, Change> planned =
        fresh.changes().stream().collect(Collectors.toMap(Change::address, Function.identity()));
    Set<String> seen = new HashSet<>();
    Set<String> recordedIds = new HashSet<>();
    current.ifPresent(
        s ->
            s.resources().values().stream()
                .map(ResourceState::id)
                .filter(Objects::nonNull)
                .forEach(recordedIds::add));
    for (Change change : saved.changes()) {
      if (!seen.add(change.address())) {
        throw altered(saved, change, "it appears more than once");
      }
      if (!change.action().mutates()) {
        continue;
      }
      Change now = planned.get(change.address());
      if (now == null) {
        throw altered(saved, change, "the address is neither in the manifests nor in state");
      }
      Optional<ResourceState> recorded = current.flatMap(s -> s.resource(change.address()));
      switch (change.action()) {
        case CREATE -> create(saved, change, now, recorded, recordedIds);
        case UPDATE, REPLACE, DELETE -> existing(saved, change, now, recorded);
        default -> throw new IllegalStateException("not a mutation: " + change.action());
      }
    }
  }

  private static void existing(
      Plan saved, Change change, Change now, Optional<ResourceState> recorded) {
    boolean updateOfDrift =
        change.action() == Action.UPDATE && now.action() == Action.NOOP && saved.refreshed();
    if (now.action() != change.action() && !updateOfDrift) {
      throw altered(
          saved,
          change,
          "a plan made now from the same state and manifests would "
              + now.action().label()
              + " it");
    }
    if (change.action() == Action.DELETE && change.reason() != now.reason()) {
      throw altered(saved, change, "its reason is not why a plan would delete it");
    }
    String id = recorded.map(ResourceState::id).orElse(null);
    if (!Objects.equals(change.id(), id)) {
      throw altered(
          saved,
          change,
          "it names connection "
              + orNone(change.id())
              + ", but state records "
              + orNone(id)
              + " for this address");
    }
    String etag = recorded.map(ResourceState::etag).orElse(null);
    if (!Objects.equals(change.etag(), etag)) {
      throw new FlowformException(
          "saved plan refused: its "
              + change.action().label()
              + " of \""
              + change.address()
              + "\" carries etag "
              + orNone(change.etag())
              + ", but state records "
              + orNone(etag)
              + "; nothing was sent",
          saved.refreshed()
              ? "a refresh saw the connection change on the platform: run flowform refresh --env "
                  + saved.environment()
                  + ", then make the plan again with flowform plan --env "
                  + saved.environment()
                  + " --out FILE"
              : hint(saved));
    }
  }

  private static void create(
      Plan saved,
      Change change,
      Change now,
      Optional<ResourceState> recorded,
      Set<String> recordedIds) {
    boolean recreate =
        saved.refreshed()
            && change.reason() == Reason.DELETED_REMOTELY
            && recorded.filter(r -> !r.isPending()).isPresent()
            && now.action() != Action.DELETE;
    if (now.action() != Action.CREATE && !recreate) {
      throw altered(
          saved,
          change,
          "a plan made now from the same state and manifests would "
              + now.action().label()
              + " it");
    }
    if (change.id() == null) {
      return;
    }
    if (!change.remoteIds().equals(List.of(change.id()))) {
      throw altered(saved, change, "it adopts a connection it did not find by name");
    }
    if (recordedIds.contains(change.id())) {
      throw altered(
          saved,
          change,
          "it adopts connection " + change.id() + ", which state records for an address");
    }
  }

  private static FlowformException altered(Plan saved, Change change, String why) {
    return new FlowformException(
        "saved plan refused: its "
            + change.action().label()
            + " of \""
            + change.address()
            + "\" is not a change flowform would make ("
            + why
            + "); the plan file was altered or does not belong to this state; nothing was sent",
        hint(saved));
  }

  private static String hint(Plan saved) {
    return "make a new plan with flowform plan --env "
        + saved.environment()
        + " --out FILE and review it";
  }

  private static String orNone(String value) {
    return value == null ? "none" : value;
  }
}
