package dev.flowform.refresh;

import dev.flowform.flowservice.FlowServiceApi;
import dev.flowform.flowservice.PlatformResources;
import dev.flowform.kinds.Health;
import dev.flowform.registry.Kinds;
import dev.flowform.state.ResourceState;
import dev.flowform.state.State;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads how each recorded resource that runs is doing (a dataflow: enabled or not, its latest run),
 * through its kind. Kinds that do not run are not asked. A health that cannot be read is reported
 * as such, never as healthy.
 */
public final class HealthReads {
  private final Kinds kinds;

  public HealthReads(Kinds kinds) {
    this.kinds = kinds;
  }

  /** By address, the health of each recorded resource of a kind that runs. */
  public SortedMap<String, Health> read(State state, FlowServiceApi api, int parallelism) {
    List<String> addresses = new ArrayList<>();
    state
        .resources()
        .forEach(
            (address, r) -> {
              if (r.isPipeline() && !r.isPending() && r.id() != null && runs(r.kind())) {
                addresses.add(address);
              }
            });
    SortedMap<String, Health> out = new TreeMap<>();
    if (addresses.isEmpty()) {
      return out;
    }
    PlatformResources platform = api.resources();
    List<Read<Optional<Health>>> reads =
        BoundedParallel.map(
            addresses,
            address -> {
              ResourceState r = state.resources().get(address);
              return kinds.of(r.kind()).flatMap(k -> k.calls(platform).health(r.id()));
            },
            parallelism);
    for (Read<Optional<Health>> one : reads) {
      if (one.error().isPresent()) {
        out.put(one.key(), Health.unreadable(one.error().get().getMessage()));
      } else {
        one.value().flatMap(v -> v).ifPresent(h -> out.put(one.key(), h));
      }
    }
    return out;
  }

  private boolean runs(String kind) {
    return kinds.of(kind).map(k -> k.runs()).orElse(false);
  }
}
