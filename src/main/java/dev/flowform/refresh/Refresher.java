package dev.flowform.refresh;

import dev.flowform.diag.FlowformException;
import dev.flowform.flowservice.FlowServiceApi;
import dev.flowform.manifest.DesiredConnection;
import dev.flowform.manifest.DesiredState;
import dev.flowform.model.RemoteConnection;
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
import java.util.TreeSet;

/**
 * Reads what the platform has for a state and manifests, at most {@code parallelism} calls at once,
 * and sends nothing that changes anything. It learns, for every name that matters (each recorded
 * connection's, each pending record's, each desired one's), every connection of that spec with
 * exactly that name: from reads filtered by several names each, in parallel, or from one paged list
 * of the sandbox when that takes fewer round trips (see {@link NameIndex}). A recorded connection
 * is found among its name's connections by its id; one not there (renamed outside flowform, not yet
 * searchable, deleted) is read by id. Every connection {@code spec.imports} declares for an address
 * state lacks is read by id; so is every such pipeline resource, through its kind.
 */
public final class Refresher {
  private final Kinds kinds;

  public Refresher() {
    this(Kinds.all());
  }

  /**
   * @param kinds the pipeline kinds whose records are read by id
   */
  public Refresher(Kinds kinds) {
    this.kinds = kinds;
  }

  /**
   * @throws FlowformException when any read failed (an unreachable platform as one error, others
   *     grouped by kind), so no plan is made from half a view
   */
  public RefreshResult refresh(
      State state, DesiredState desired, FlowServiceApi api, int parallelism) {
    ReadErrors errors = new ReadErrors();
    Map<String, List<RemoteConnection>> named =
        NameIndex.read(namesToLookUp(state, desired), api, parallelism, errors);
    errors.throwIfAny();
    Map<String, RemoteConnection> found = new HashMap<>();
    List<String> unseen = new ArrayList<>();
    state
        .resources()
        .forEach(
            (address, r) -> {
              if (r.isPending() || r.id() == null || r.isPipeline()) {
                return;
              }
              named.getOrDefault(r.name(), List.of()).stream()
                  .filter(remote -> r.id().equals(remote.id()))
                  .findFirst()
                  .ifPresentOrElse(remote -> found.put(address, remote), () -> unseen.add(address));
            });
    List<Read<Optional<RemoteConnection>>> byId =
        BoundedParallel.map(
            unseen, address -> api.get(state.resources().get(address).id()), parallelism);
    errors.addAll(byId, "connection");
    errors.throwIfAny();
    Set<String> missing = new HashSet<>();
    for (Read<Optional<RemoteConnection>> read : byId) {
      read.value()
          .ifPresent(
              v ->
                  v.ifPresentOrElse(
                      remote -> found.put(read.key(), remote), () -> missing.add(read.key())));
    }
    Map<String, RemoteConnection> imported = new HashMap<>();
    Set<String> importsMissing = new HashSet<>();
    List<Read<Optional<RemoteConnection>>> declared =
        BoundedParallel.map(importsToRead(state, desired), api::get, parallelism);
    errors.addAll(declared, "import");
    errors.throwIfAny();
    for (Read<Optional<RemoteConnection>> read : declared) {
      read.value()
          .ifPresent(
              v ->
                  v.ifPresentOrElse(
                      remote -> imported.put(read.key(), remote),
                      () -> importsMissing.add(read.key())));
    }
    RemoteView view =
        new PipelineReads(kinds)
            .read(state, desired, api, parallelism, errors)
            .onto(new RemoteView(found, missing, named, imported, importsMissing));
    errors.throwIfAny();
    return new RefreshResult(view, StateRefresh.learn(state, view));
  }

  /**
   * Every name whose connections the planner may need: pending records' (recovery), recorded
   * connections' (finding them, and their duplicates), desired connections' (conflicts).
   */
  static Set<String> namesToLookUp(State state, DesiredState desired) {
    Set<String> names = new TreeSet<>();
    for (ResourceState r : state.resources().values()) {
      if (!r.isPipeline() && r.name() != null && (r.isPending() || r.id() != null)) {
        names.add(r.name());
      }
    }
    for (DesiredConnection connection : desired.connections().values()) {
      boolean absent = state.resource(connection.address()).isEmpty();
      if (!absent || !(imports(desired, connection.address()) || moves(state, connection))) {
        names.add(connection.name()); // an import or a move is not looked up by name
      }
    }
    return names;
  }

  /**
   * The connection ids declared in {@code spec.imports} for addresses state does not have yet; a
   * pipeline resource's is read through its kind ({@link PipelineReads}).
   */
  static List<String> importsToRead(State state, DesiredState desired) {
    return desired.environment().imports().stream()
        .filter(i -> state.resource(i.address()).isEmpty())
        .filter(i -> desired.resource(i.address()).isEmpty())
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
