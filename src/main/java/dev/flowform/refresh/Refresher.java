package dev.flowform.refresh;

import dev.flowform.diag.FlowformException;
import dev.flowform.flowservice.FlowServiceApi;
import dev.flowform.manifest.DesiredConnection;
import dev.flowform.manifest.DesiredState;
import dev.flowform.model.RemoteConnection;
import dev.flowform.plan.RemoteView;
import dev.flowform.state.ResourceState;
import dev.flowform.state.State;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads what the platform has for a state and manifests, at most {@code parallelism} calls at once:
 * every recorded connection by id, then by name every pending record, every desired connection not
 * in state (unless it is imported or moved there), and every one whose recorded connection is gone
 * (so the planner sees conflicts), then by id every connection {@code spec.imports} declares for an
 * address state lacks. Sends nothing that changes anything.
 */
public final class Refresher {

  /**
   * @throws FlowformException when any read failed (naming each), so no plan is made from half a
   *     view
   */
  public RefreshResult refresh(
      State state, DesiredState desired, FlowServiceApi api, int parallelism) {
    List<String> recorded = new ArrayList<>();
    state
        .resources()
        .forEach(
            (address, r) -> {
              if (!r.isPending() && r.id() != null) {
                recorded.add(address);
              }
            });
    List<Read<Optional<RemoteConnection>>> byId =
        BoundedParallel.map(
            recorded, address -> api.get(state.resources().get(address).id()), parallelism);
    Map<String, RemoteConnection> found = new HashMap<>();
    Set<String> missing = new HashSet<>();
    List<String> errors = new ArrayList<>();
    for (Read<Optional<RemoteConnection>> read : byId) {
      read.error().ifPresent(e -> errors.add(read.key() + ": " + e.getMessage()));
      read.value()
          .ifPresent(
              v ->
                  v.ifPresentOrElse(
                      remote -> found.put(read.key(), remote), () -> missing.add(read.key())));
    }
    List<String> names = new ArrayList<>(namesToLookUp(state, desired, missing));
    List<Read<List<RemoteConnection>>> byName =
        BoundedParallel.map(names, api::findByName, parallelism);
    Map<String, List<RemoteConnection>> named = new HashMap<>();
    for (Read<List<RemoteConnection>> read : byName) {
      read.error().ifPresent(e -> errors.add("name \"" + read.key() + "\": " + e.getMessage()));
      read.value().ifPresent(v -> named.put(read.key(), v));
    }
    Map<String, RemoteConnection> imported = new HashMap<>();
    Set<String> importsMissing = new HashSet<>();
    List<Read<Optional<RemoteConnection>>> declared =
        BoundedParallel.map(importsToRead(state, desired), api::get, parallelism);
    for (Read<Optional<RemoteConnection>> read : declared) {
      read.error().ifPresent(e -> errors.add("import " + read.key() + ": " + e.getMessage()));
      read.value()
          .ifPresent(
              v ->
                  v.ifPresentOrElse(
                      remote -> imported.put(read.key(), remote),
                      () -> importsMissing.add(read.key())));
    }
    if (!errors.isEmpty()) {
      throw new FlowformException(
          "refresh could not read " + errors.size() + " item(s): " + String.join("; ", errors),
          "try again; `--refresh=false` plans from state alone");
    }
    RemoteView view = new RemoteView(found, missing, named, imported, importsMissing);
    return new RefreshResult(view, StateRefresh.learn(state, view));
  }

  static Set<String> namesToLookUp(State state, DesiredState desired, Set<String> missing) {
    Set<String> names = new TreeSet<>();
    state.resources().values().stream()
        .filter(ResourceState::isPending)
        .map(ResourceState::name)
        .forEach(names::add);
    for (DesiredConnection connection : desired.connections().values()) {
      String address = connection.address();
      boolean absent = state.resource(address).isEmpty();
      if (absent && (imports(desired, address) || moves(state, connection))) {
        continue;
      }
      if (absent || missing.contains(address)) {
        names.add(connection.name());
      }
    }
    return names;
  }

  /** The ids declared in {@code spec.imports} for addresses state does not have yet. */
  static List<String> importsToRead(State state, DesiredState desired) {
    return desired.environment().imports().stream()
        .filter(i -> state.resource(i.address()).isEmpty())
        .map(dev.flowform.manifest.DeclaredImport::id)
        .distinct()
        .toList();
  }

  private static boolean imports(DesiredState desired, String address) {
    return desired.environment().importOf(address).isPresent();
  }

  /** A connection whose record state keeps under an old address: it is moved, not looked up. */
  private static boolean moves(State state, DesiredConnection connection) {
    return connection.movedFrom().stream().anyMatch(old -> state.resource(old).isPresent());
  }
}
