package dev.flowform.plan;

import dev.flowform.diag.Diagnostic;
import dev.flowform.diag.SourcePosition;
import dev.flowform.manifest.DesiredConnection;
import dev.flowform.manifest.DesiredResource;
import dev.flowform.manifest.DesiredState;
import dev.flowform.state.ResourceState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The moves the manifests declare ({@code metadata.movedFrom}) that state still needs: the new
 * address is not in state and exactly one of its old addresses is. A move onto an address state
 * already has, or from two old addresses at once, is an error naming the connection.
 *
 * @param fromByTo the old address of each connection or resource to move, by its new address
 */
record Moves(SortedMap<String, String> fromByTo) {

  /** What can move: a connection or a pipeline resource. */
  private record Movable(String address, List<String> movedFrom, SourcePosition position) {}

  static Moves of(
      DesiredState desired, SortedMap<String, ResourceState> resources, List<Diagnostic> errors) {
    SortedMap<String, String> fromByTo = new TreeMap<>();
    List<Movable> movables = new ArrayList<>();
    for (DesiredConnection c : desired.connections().values()) {
      movables.add(new Movable(c.address(), c.movedFrom(), c.position()));
    }
    for (DesiredResource r : desired.resources().values()) {
      movables.add(new Movable(r.address(), r.movedFrom(), r.position()));
    }
    for (Movable wanted : movables) {
      List<String> present =
          wanted.movedFrom().stream()
              .filter(resources::containsKey)
              .filter(old -> !desired.wants(old))
              .toList();
      if (present.isEmpty()) {
        continue;
      }
      String to = wanted.address();
      if (resources.containsKey(to)) {
        errors.add(
            Diagnostic.error(
                wanted.position(),
                "cannot move '"
                    + present.get(0)
                    + "' to '"
                    + to
                    + "': state already has '"
                    + to
                    + "' (id "
                    + resources.get(to).id()
                    + ")",
                "forget one of them with flowform state rm, or remove '"
                    + present.get(0)
                    + "' from metadata.movedFrom"));
      } else if (present.size() > 1) {
        errors.add(
            Diagnostic.error(
                wanted.position(),
                "state has "
                    + String.join(" and ", present.stream().map(a -> "'" + a + "'").toList())
                    + ", all listed in the metadata.movedFrom of '"
                    + to
                    + "': only one record can move there",
                "forget the others with flowform state rm"));
      } else {
        fromByTo.put(to, present.get(0));
      }
    }
    return new Moves(fromByTo);
  }

  /**
   * The records as they stand once moved: each at its new address, and every record that depends on
   * a moved one naming it by its new address.
   */
  SortedMap<String, ResourceState> apply(SortedMap<String, ResourceState> resources) {
    SortedMap<String, ResourceState> moved = new TreeMap<>(resources);
    fromByTo.forEach((to, from) -> moved.put(to, moved.remove(from)));
    fromByTo.forEach(
        (to, from) -> moved.replaceAll((address, r) -> r.withDependencyRenamed(from, to)));
    return moved;
  }

  /** The change of a moved address, marked with where it came from. */
  Change mark(Change change) {
    String from = fromByTo.get(change.address());
    return from == null ? change : change.movingFrom(from);
  }

  Map<String, String> asMap() {
    return fromByTo;
  }
}
