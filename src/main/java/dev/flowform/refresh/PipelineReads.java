package dev.flowform.refresh;

import dev.flowform.flowservice.FlowServiceApi;
import dev.flowform.flowservice.PlatformResources;
import dev.flowform.manifest.DeclaredImport;
import dev.flowform.manifest.DesiredResource;
import dev.flowform.manifest.DesiredState;
import dev.flowform.model.RemoteResource;
import dev.flowform.plan.RemoteView;
import dev.flowform.registry.Kinds;
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
 * is gone. Pending records are left to the applier, which finds them by name or content. Every
 * pipeline resource {@code spec.imports} declares for an address state lacks is read by its
 * declared id through the manifest's kind.
 */
final class PipelineReads {
  private final Kinds kinds;

  PipelineReads(Kinds kinds) {
    this.kinds = kinds;
  }

  /**
   * What was read: by address, the addresses whose recorded resource is gone, and the ids declared
   * in {@code spec.imports} the platform has no resource of their kind for.
   */
  record Found(Map<String, RemoteResource> read, Set<String> gone, Set<String> importsGone) {
    RemoteView onto(RemoteView view) {
      return read.isEmpty() && gone.isEmpty() && importsGone.isEmpty()
          ? view
          : view.withResources(read, gone, importsGone);
    }
  }

  Found read(
      State state, DesiredState desired, FlowServiceApi api, int parallelism, ReadErrors errors) {
    List<String> addresses = new ArrayList<>();
    Map<String, Target> targets = new HashMap<>();
    state
        .resources()
        .forEach(
            (address, r) -> {
              if (r.isPipeline() && !r.isPending() && r.id() != null) {
                addresses.add(address);
                targets.put(address, new Target(r.kind(), r.id(), false));
              }
            });
    for (DeclaredImport declared : desired.environment().imports()) {
      String address = declared.address();
      Optional<DesiredResource> wanted = desired.resource(address);
      if (wanted.isPresent() && state.resource(address).isEmpty() && declared.id() != null) {
        addresses.add(address);
        targets.put(address, new Target(wanted.get().kind(), declared.id(), true));
      }
    }
    if (addresses.isEmpty()) {
      return new Found(Map.of(), Set.of(), Set.of());
    }
    PlatformResources platform = api.resources();
    List<Read<Optional<RemoteResource>>> reads =
        BoundedParallel.map(
            addresses,
            address -> {
              Target t = targets.get(address);
              return kinds
                  .of(t.kind())
                  .map(k -> k.calls(platform).read(t.id()))
                  .orElse(Optional.empty());
            },
            parallelism);
    errors.addAll(reads, "pipeline resource");
    Map<String, RemoteResource> read = new HashMap<>();
    Set<String> gone = new HashSet<>();
    Set<String> importsGone = new HashSet<>();
    for (Read<Optional<RemoteResource>> one : reads) {
      Target t = targets.get(one.key());
      one.value()
          .ifPresent(
              v ->
                  v.ifPresentOrElse(
                      r -> read.put(one.key(), r),
                      () ->
                          (t.imported() ? importsGone : gone)
                              .add(t.imported() ? t.id() : one.key())));
    }
    return new Found(read, gone, importsGone);
  }

  /** What to read at an address: a recorded resource, or a declared import state lacks. */
  private record Target(String kind, String id, boolean imported) {}
}
