package dev.flowform.plan;

import dev.flowform.manifest.DesiredResource;
import dev.flowform.manifest.ResourceReference;
import dev.flowform.model.RemoteResource;
import dev.flowform.state.ResourceState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Plans one pipeline resource in the manifests: created (new, pending, deleted remotely), updated,
 * replaced (a field that forces it, a dependency made anew) or left as it is. Pure.
 */
final class ResourceChanges {
  private ResourceChanges() {}

  /**
   * The create, update, replace or no-op of one resource, given the changes already planned for
   * what it references.
   */
  static Change plan(
      DesiredResource wanted,
      SortedMap<String, ResourceState> recorded,
      Map<String, Change> changes,
      RemoteView remote,
      PlanOptions options) {
    ResourceState was = recorded.get(wanted.address());
    List<String> dependsOn = wanted.dependsOn();
    if (was == null || was.isPending() || remote.missing().contains(wanted.address())) {
      Reason reason =
          was == null
              ? Reason.NEW
              : was.isPending() ? Reason.PENDING_RECOVERY : Reason.DELETED_REMOTELY;
      List<AttributeChange> attributes = new ArrayList<>();
      wanted.attributes().forEach((p, v) -> attributes.add(AttributeChange.plain(p, null, v)));
      for (ResourceReference ref : wanted.references()) {
        attributes.add(
            AttributeChange.plain(ref.field(), null, ResourceIds.idOf(ref, recorded, changes)));
      }
      return PipelineChanges.row(
          wanted.address(),
          wanted.name(),
          Action.CREATE,
          reason,
          null,
          null,
          attributes,
          List.of(),
          wanted.kind(),
          dependsOn);
    }
    Map<String, String> baseline = new TreeMap<>(was.attributes());
    wanted
        .formerOutputs()
        .forEach(
            (pointer, output) -> {
              if (!baseline.containsKey(pointer) && was.outputs().containsKey(output)) {
                baseline.put(pointer, was.outputs().get(output));
              }
            });
    RemoteResource read = remote.resource(wanted.address()).orElse(null);
    boolean drift = false;
    if (read != null) {
      for (Map.Entry<String, String> e : read.attributes().entrySet()) {
        if (was.attributes().containsKey(e.getKey())
            || wanted.attributes().containsKey(e.getKey())) {
          drift |= !Objects.equals(baseline.put(e.getKey(), e.getValue()), e.getValue());
        }
      }
    }
    List<AttributeChange> attributes = new ArrayList<>();
    Set<String> paths = new TreeSet<>(baseline.keySet());
    paths.addAll(wanted.attributes().keySet());
    boolean replace = false;
    boolean forced = false;
    for (String path : paths) {
      String before = baseline.get(path);
      String after = wanted.attributes().get(path);
      if (!Objects.equals(before, after)) {
        attributes.add(AttributeChange.plain(path, before, after));
        forced |= wanted.replacesOn(path);
      }
    }
    boolean dependencyNew = false;
    boolean dependencyUpdated = false;
    for (ResourceReference ref : wanted.references()) {
      String recordedId = was.dependsOn().get(ref.address());
      Change depChange = changes.get(ref.address());
      boolean renewed = ResourceIds.createsAnew(depChange);
      String now = ResourceIds.idOf(ref, recorded, changes);
      if (recordedId == null || renewed || !recordedId.equals(now)) {
        attributes.add(AttributeChange.plain(ref.field(), recordedId, now));
        dependencyNew = true;
        replace |= ref.replaceOnly() || renewed;
      } else if (ref.followsUpdates() && depChange != null && depChange.action() == Action.UPDATE) {
        attributes.add(
            AttributeChange.plain(
                ref.field() + " (version)",
                recordedId,
                recordedId + " " + ResourceIds.KNOWN_AFTER_APPLY));
        dependencyUpdated = true;
      }
    }
    Action action;
    Reason reason;
    if (options.replace().contains(wanted.address())) {
      action = Action.REPLACE;
      reason = Reason.REPLACE_REQUESTED;
    } else if (forced || replace) {
      action = Action.REPLACE;
      reason = forced ? Reason.FORCES_REPLACEMENT : Reason.DEPENDENCY_REPLACED;
    } else if (!attributes.isEmpty()) {
      action = Action.UPDATE;
      reason =
          drift
              ? Reason.CHANGED_REMOTELY
              : dependencyUpdated && !dependencyNew && attributes.size() == 1
                  ? Reason.DEPENDENCY_UPDATED
                  : Reason.MANIFEST_CHANGED;
    } else {
      action = Action.NOOP;
      reason = Reason.UP_TO_DATE;
    }
    String etag = read != null && read.etag() != null ? read.etag() : was.etag();
    return PipelineChanges.row(
        wanted.address(),
        wanted.name(),
        action,
        reason,
        was.id(),
        etag,
        attributes,
        List.of(),
        wanted.kind(),
        dependsOn);
  }
}
