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
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Compares what the manifests want with what state recorded (and what a refresh read) and says what
 * {@code apply} would do. A pure function: no files, no network, no clock.
 *
 * <p>Secrets are compared by fingerprint, salted with the state's salt (with no state yet, with the
 * manifest digest, so that a plan and its re-computation agree). A secret that did not resolve
 * cannot be compared: it counts as unchanged and is listed in {@link Plan#unresolved()}.
 *
 * <p>A connection found by name is never handed to an address when state records it for another
 * one, or when another create of the plan adopts it: a pruned pending record must not delete a
 * connection someone else owns.
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
    Set<String> claimed = recordedIds(resources);
    if (options.destroy()) {
      resources.forEach(
          (address, r) ->
              changes.add(Removals.plan(address, r, Reason.DESTROY, true, remote, claimed)));
    } else {
      for (DesiredConnection wanted : desired.connections().values()) {
        ResourceState recordedOne = resources.get(wanted.address());
        changes.add(planWanted(wanted, recordedOne, remote, options, salt, claimed));
      }
      changes.stream().filter(Change::adopts).map(Change::id).forEach(claimed::add);
      resources.forEach(
          (address, r) -> {
            if (!desired.connections().containsKey(address)) {
              changes.add(
                  Removals.plan(
                      address, r, Reason.REMOVED_FROM_MANIFESTS, options.prune(), remote, claimed));
            }
          });
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
        refreshed(remote),
        desired.environment().orgId(),
        desired.environment().endpoint().identity(),
        options.destroy() ? List.of() : Duplicates.find(resources, remote));
  }

  private static Change planWanted(
      DesiredConnection wanted,
      ResourceState recorded,
      RemoteView remote,
      PlanOptions options,
      String salt,
      Set<String> claimed) {
    if (recorded == null) {
      return Creates.create(wanted, Reason.NEW, remote, options.adoptExisting(), claimed);
    }
    if (recorded.isPending()) {
      return Creates.recovery(wanted, recorded, remote, claimed);
    }
    if (remote.missing().contains(wanted.address())) {
      return Creates.create(
          wanted, Reason.DELETED_REMOTELY, remote, options.adoptExisting(), claimed);
    }
    return Updates.plan(wanted, recorded, remote, salt);
  }

  /** The ids state records: connections a name lookup must never hand to another address. */
  private static Set<String> recordedIds(SortedMap<String, ResourceState> resources) {
    Set<String> ids = new HashSet<>();
    resources.values().stream().map(ResourceState::id).filter(Objects::nonNull).forEach(ids::add);
    return ids;
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
