package dev.flowform.refresh;

import dev.flowform.apply.ResourceRecords;
import dev.flowform.model.RemoteConnection;
import dev.flowform.plan.RemoteView;
import dev.flowform.state.ResourceState;
import dev.flowform.state.State;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@code flowform refresh} records from a {@link RemoteView}: new etags, names, descriptions
 * and plain params of connections changed outside flowform, and forgets those deleted outside it.
 * Pending records are kept (the next apply resolves them). Pure.
 */
public final class StateRefresh {
  private StateRefresh() {}

  /** The state with what moved; the same state (same serial) when nothing did. */
  public static State learn(State state, RemoteView view) {
    SortedMap<String, ResourceState> resources = new TreeMap<>(state.resources());
    boolean changed = false;
    for (String address : state.resources().keySet()) {
      ResourceState recorded = resources.get(address);
      if (view.missing().contains(address) && !recorded.isPending()) {
        resources.remove(address);
        changed = true;
        continue;
      }
      if (recorded.isPipeline()) {
        var read = view.resource(address);
        if (read.isPresent() && !recorded.isPending()) {
          ResourceState refreshed = refreshed(recorded, read.get());
          if (!refreshed.equals(recorded)) {
            resources.put(address, refreshed);
            changed = true;
          }
        }
        continue;
      }
      RemoteConnection remote = view.found().get(address);
      if (remote != null && !recorded.isPending()) {
        ResourceState refreshed = ResourceRecords.refreshed(recorded, remote);
        if (!sameAttributes(refreshed, recorded)) {
          resources.put(address, refreshed);
          changed = true;
        }
      }
    }
    if (!changed) {
      return state;
    }
    return state.withResources(resources);
  }

  /** A pipeline record with what the platform showed over it (etag, attributes it returns). */
  private static ResourceState refreshed(
      ResourceState recorded, dev.flowform.model.RemoteResource read) {
    java.util.SortedMap<String, String> attributes = new TreeMap<>(recorded.attributes());
    read.attributes()
        .forEach(
            (pointer, value) -> {
              if (attributes.containsKey(pointer)) {
                attributes.put(pointer, value);
              }
            });
    return recorded.withUpdate(
        read.etag() != null ? read.etag() : recorded.etag(),
        read.name() != null ? read.name() : recorded.name(),
        attributes,
        recorded.dependsOn(),
        recorded.outputs(),
        recorded.updatedAt());
  }

  private static boolean sameAttributes(ResourceState a, ResourceState b) {
    return Objects.equals(a.etag(), b.etag())
        && Objects.equals(a.name(), b.name())
        && Objects.equals(a.description(), b.description())
        && a.params().equals(b.params());
  }
}
