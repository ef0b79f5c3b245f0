package dev.flowform.plan;

import dev.flowform.diag.Diagnostic;
import dev.flowform.diag.Diagnostics;
import dev.flowform.diag.DiagnosticsException;
import dev.flowform.manifest.DesiredConnection;
import dev.flowform.manifest.DesiredState;
import dev.flowform.state.ResourceState;
import dev.flowform.state.State;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares what the manifests want with what state recorded (and what a refresh read) and says what
 * {@code apply} would do. A pure function: no files, no network, no clock.
 *
 * <p>Secrets are compared by fingerprint, salted with the state's salt (with no state yet, with the
 * manifest digest, so that a plan and its re-computation agree). A secret that did not resolve
 * cannot be compared: it counts as unchanged and is listed in {@link Plan#unresolved()}.
 *
 * <p>A connection spec change without {@link PlanOptions#allowReplace()} is an error: the planner
 * throws a {@link DiagnosticsException} naming every such address, so no plan exists to apply.
 */
public final class Planner {

  public Planner() {}

  public Plan plan(
      DesiredState desired, Optional<State> recorded, RemoteView remote, PlanOptions options) {
    SortedMap<String, ResourceState> resources =
        recorded.map(State::resources).orElseGet(TreeMap::new);
    String salt =
        recorded
            .map(State::fingerprintSalt)
            .filter(s -> !s.isBlank())
            .orElse(desired.manifestDigest());
    List<Change> changes = new ArrayList<>();
    if (options.destroy()) {
      resources.forEach(
          (address, r) -> changes.add(Removals.plan(address, r, Reason.DESTROY, true, remote)));
    } else {
      SortedSet<String> addresses = new TreeSet<>(desired.connections().keySet());
      addresses.addAll(resources.keySet());
      for (String address : addresses) {
        changes.add(
            planOne(
                address,
                desired.connections().get(address),
                resources.get(address),
                remote,
                options,
                salt));
      }
      refuseReplaces(changes, desired, options);
    }
    changes.sort(Comparator.comparing(Change::address));
    return new Plan(
        desired.environment().name(),
        desired.environment().sandbox(),
        recorded.map(State::lineage).orElse(null),
        recorded.map(State::serial).orElse(0L),
        desired.manifestDigest(),
        options.destroy() ? new TreeMap<>() : PlanSecrets.fingerprints(desired, salt),
        changes,
        options.destroy() ? List.of() : PlanSecrets.unresolved(desired),
        refreshed(remote));
  }

  private static Change planOne(
      String address,
      DesiredConnection wanted,
      ResourceState recorded,
      RemoteView remote,
      PlanOptions options,
      String salt) {
    if (wanted == null) {
      return Removals.plan(
          address, recorded, Reason.REMOVED_FROM_MANIFESTS, options.prune(), remote);
    }
    if (recorded == null) {
      return Creates.create(wanted, Reason.NEW, remote, options.adoptExisting());
    }
    if (recorded.isPending()) {
      return Creates.recovery(wanted, remote);
    }
    if (remote.missing().contains(address)) {
      return Creates.create(wanted, Reason.DELETED_REMOTELY, remote, options.adoptExisting());
    }
    return Updates.plan(wanted, recorded, remote, salt);
  }

  private static void refuseReplaces(
      List<Change> changes, DesiredState desired, PlanOptions options) {
    if (options.allowReplace()) {
      return;
    }
    List<Diagnostic> errors = new ArrayList<>();
    for (Change change : changes) {
      if (change.action() == Action.REPLACE) {
        DesiredConnection wanted = desired.connections().get(change.address());
        errors.add(
            Diagnostic.error(
                wanted.position(),
                "connection \""
                    + change.address()
                    + "\": the connection spec changed, which cannot be updated in place",
                "run again with --allow-replace to delete connection "
                    + change.id()
                    + " and create it anew"));
      }
    }
    if (!errors.isEmpty()) {
      throw new DiagnosticsException(new Diagnostics(errors));
    }
  }

  /** Whether the view holds anything a refresh read; {@link RemoteView#OFFLINE} holds nothing. */
  private static boolean refreshed(RemoteView remote) {
    return !remote.found().isEmpty() || !remote.missing().isEmpty() || !remote.byName().isEmpty();
  }
}
