package dev.flowform.plan;

import dev.flowform.manifest.DesiredState;
import dev.flowform.model.RemoteResource;
import dev.flowform.state.ResourceState;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/** Plans the recorded pipeline resources that are to go: orphans, or deletes. Pure. */
final class ResourceRemovals {
  private ResourceRemovals() {}

  /** The records of pipeline kinds no manifest wants: orphans, or deletes when pruning. */
  static List<Change> plan(
      DesiredState desired,
      SortedMap<String, ResourceState> recorded,
      Reason reason,
      boolean delete,
      RemoteView remote) {
    List<Change> out = new ArrayList<>();
    recorded.forEach(
        (address, r) -> {
          if (r.isPipeline() && !desired.wants(address)) {
            out.add(removal(address, r, reason, delete, remote));
          }
        });
    return out;
  }

  static Change removal(
      String address, ResourceState r, Reason reason, boolean delete, RemoteView remote) {
    String etag = remote.resource(address).map(RemoteResource::etag).orElse(r.etag());
    return PipelineChanges.row(
        address,
        r.name(),
        delete ? Action.DELETE : Action.ORPHAN,
        reason,
        r.id(),
        etag,
        List.of(),
        List.of(),
        r.kind(),
        List.of());
  }
}
