package dev.flowform.plan;

import dev.flowform.manifest.DesiredConnection;
import dev.flowform.state.ResourceState;
import java.util.List;

/**
 * Plans an address that is both in the manifests and recorded as created: no-op, update, replace.
 */
final class Updates {
  private Updates() {}

  /**
   * Compares the manifest with what is there (the record, with the name and description a refresh
   * read). A changed connection spec is always planned as a replace here; the planner refuses it
   * unless replacing is allowed.
   */
  static Change plan(
      DesiredConnection desired, ResourceState recorded, RemoteView remote, String salt) {
    Baseline now = Baseline.of(recorded, remote.found(desired.address()));
    List<AttributeChange> changed = ConnectionDiff.changed(now, desired, salt);
    if (ConnectionDiff.specChanged(now, desired)) {
      return change(desired, now, Action.REPLACE, Reason.SPEC_CHANGED, changed);
    }
    if (changed.isEmpty()) {
      return change(desired, now, Action.NOOP, Reason.UP_TO_DATE, List.of());
    }
    Reason reason = now.drifted() ? Reason.CHANGED_REMOTELY : Reason.MANIFEST_CHANGED;
    return change(desired, now, Action.UPDATE, reason, changed);
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
