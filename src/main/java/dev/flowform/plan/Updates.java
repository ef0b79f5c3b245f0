package dev.flowform.plan;

import dev.flowform.manifest.DesiredConnection;
import dev.flowform.model.RemoteConnection;
import dev.flowform.state.ResourceState;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Plans an address that is both in the manifests and recorded as created: no-op, update, replace.
 */
final class Updates {
  private Updates() {}

  /**
   * Compares the manifest with what is there (the record, with the name and description a refresh
   * read). A changed connection spec is always planned as a replace here; the planner refuses it
   * unless replacing is allowed. A rename onto the name of a connection this state does not manage
   * (another team's, as the refresh found it by name) is a conflict: nothing is sent for it.
   *
   * @param claimed the ids state records or the manifests import: connections managed here
   */
  static Change plan(
      DesiredConnection desired,
      ResourceState recorded,
      RemoteView remote,
      String salt,
      Set<String> claimed) {
    Baseline now = Baseline.of(recorded, remote.found(desired.address()));
    List<AttributeChange> changed = ConnectionDiff.changed(now, desired, salt);
    if (!Objects.equals(now.name(), desired.name())) {
      List<String> taken =
          remote.named(desired.name()).orElse(List.of()).stream()
              .map(RemoteConnection::id)
              .filter(id -> !Objects.equals(id, now.id()) && !claimed.contains(id))
              .sorted()
              .toList();
      if (!taken.isEmpty()) {
        return new Change(
            desired.address(),
            Action.CONFLICT,
            Reason.NAME_TAKEN,
            now.id(),
            now.etag(),
            desired.name(),
            List.of(),
            taken);
      }
    }
    if (ConnectionDiff.specChanged(now, desired)) {
      return change(desired, now, Action.REPLACE, Reason.SPEC_CHANGED, changed);
    }
    if (changed.isEmpty()) {
      return change(desired, now, Action.NOOP, Reason.UP_TO_DATE, List.of());
    }
    return change(desired, now, Action.UPDATE, reason(now, changed), changed);
  }

  /**
   * Replaced by request ({@code --replace}): deleted and created again with what the manifest says,
   * whatever the record holds.
   */
  static Change forcedReplace(
      DesiredConnection desired, ResourceState recorded, RemoteView remote) {
    Baseline now = Baseline.of(recorded, remote.found(desired.address()));
    return change(
        desired, now, Action.REPLACE, Reason.REPLACE_REQUESTED, ConnectionDiff.created(desired));
  }

  /** What changed, in the words the plan shows: drift, a rotated secret, or the manifest. */
  private static Reason reason(Baseline now, List<AttributeChange> changed) {
    if (now.drifted()) {
      return Reason.CHANGED_REMOTELY;
    }
    if (changed.stream().allMatch(a -> a.notComparable() != null)) {
      return Reason.IMPORTED_SECRETS;
    }
    if (changed.stream().allMatch(AttributeChange::sensitive)) {
      return Reason.SECRET_ROTATED;
    }
    return Reason.MANIFEST_CHANGED;
  }

  private static Change change(
      DesiredConnection desired,
      Baseline now,
      Action action,
      Reason reason,
      List<AttributeChange> attributes) {
    return new Change(
        desired.address(),
        action,
        reason,
        now.id(),
        now.etag(),
        desired.name(),
        attributes,
        List.of());
  }
}
