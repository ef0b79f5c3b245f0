package dev.flowform.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The {@link Change} row of a pipeline resource: named by its address when it has no name. */
final class PipelineChanges {
  private PipelineChanges() {}

  /** A change whose attributes are sorted by path; it never moves. */
  static Change row(
      String address,
      String name,
      Action action,
      Reason reason,
      String id,
      String etag,
      List<AttributeChange> attributes,
      List<String> remoteIds,
      String kind,
      List<String> dependsOn) {
    List<AttributeChange> sorted = new ArrayList<>(attributes);
    sorted.sort(Comparator.comparing(AttributeChange::path));
    return new Change(
        address,
        action,
        reason,
        id,
        etag,
        name != null ? name : address,
        sorted,
        remoteIds,
        null,
        kind,
        dependsOn);
  }
}
