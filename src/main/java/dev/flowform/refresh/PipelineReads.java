package dev.flowform.refresh;

import dev.flowform.flowservice.FlowServiceApi;
import dev.flowform.flowservice.PlatformResources;
import dev.flowform.model.RemoteResource;
import dev.flowform.plan.RemoteView;
import dev.flowform.registry.Kinds;
import dev.flowform.state.ResourceState;
import dev.flowform.state.State;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads every recorded pipeline resource by id through its kind: what is there (for drift) and what
 * is gone. Pending records are left to the applier, which finds them by name or content.
 */
final class PipelineReads {
  private final Kinds kinds;

  PipelineReads(Kinds kinds) {
    this.kinds = kinds;
  }

  /** What was read: by address, and the addresses whose resource is gone. */
  record Found(Map<String, RemoteResource> read, Set<String> gone) {
    RemoteView onto(RemoteView view) {
      return read.isEmpty() && gone.isEmpty() ? view : view.withResources(read, gone);
    }
  }

  Found read(State state, FlowServiceApi api, int parallelism, ReadErrors errors) {
    List<String> addresses = new ArrayList<>();
    state
        .resources()
        .forEach(
            (address, r) -> {
              if (r.isPipeline() && !r.isPending() && r.id() != null) {
                addresses.add(address);
              }
            });
    if (addresses.isEmpty()) {
      return new Found(Map.of(), Set.of());
    }
    PlatformResources platform = api.resources();
    List<Read<Optional<RemoteResource>>> reads =
        BoundedParallel.map(
            addresses,
            address -> {
              ResourceState r = state.resources().get(address);
              return kinds
                  .of(r.kind())
                  .map(k -> k.calls(platform).read(r.id()))
                  .orElse(Optional.empty());
            },
            parallelism);
    errors.addAll(reads, "pipeline resource");
    Map<String, RemoteResource> read = new HashMap<>();
    Set<String> gone = new HashSet<>();
    for (Read<Optional<RemoteResource>> one : reads) {
      one.value()
          .ifPresent(
              v -> v.ifPresentOrElse(r -> read.put(one.key(), r), () -> gone.add(one.key())));
    }
    return new Found(read, gone);
  }
}
