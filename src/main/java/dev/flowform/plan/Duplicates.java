package dev.flowform.plan;

import dev.flowform.model.RemoteConnection;
import dev.flowform.state.ResourceState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Finds the {@link Duplicate}s of managed connections in what a refresh read. Pure. */
public final class Duplicates {
  private Duplicates() {}

  /**
   * Every connection the view lists under the name of a recorded (not pending) connection that no
   * address records, by address then id. Nothing when the names were not read (offline).
   */
  public static List<Duplicate> find(Map<String, ResourceState> resources, RemoteView view) {
    Set<String> recorded = new HashSet<>();
    resources.values().stream()
        .map(ResourceState::id)
        .filter(Objects::nonNull)
        .forEach(recorded::add);
    List<Duplicate> found = new ArrayList<>();
    resources.forEach(
        (address, r) -> {
          if (r.isPending() || r.id() == null || r.name() == null) {
            return;
          }
          for (RemoteConnection remote : view.named(r.name()).orElse(List.of())) {
            if (!recorded.contains(remote.id())) {
              found.add(new Duplicate(address, r.name(), remote.id(), remote.createdAt()));
            }
          }
        });
    found.sort(Comparator.comparing(Duplicate::address).thenComparing(Duplicate::id));
    return List.copyOf(found);
  }
}
