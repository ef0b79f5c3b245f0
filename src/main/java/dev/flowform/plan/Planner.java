package dev.flowform.plan;

import dev.flowform.diag.Diagnostic;
import dev.flowform.diag.Diagnostics;
import dev.flowform.diag.DiagnosticsException;
import dev.flowform.manifest.DeclaredImport;
import dev.flowform.manifest.DesiredConnection;
import dev.flowform.manifest.DesiredState;
import dev.flowform.state.ResourceState;
import dev.flowform.state.State;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * <p>Declared moves ({@code metadata.movedFrom}) are planned as if state already had the record at
 * its new address, each change marked with the address it moves from; declared imports ({@code
 * spec.imports}) of addresses state lacks are planned from what the refresh read by id. With
 * targets ({@code --target}) only those addresses are planned.
 *
 * <p>A connection spec change without {@link PlanOptions#allowReplace()}, a move or import that
 * breaks a rule, and an unknown target are errors: the planner throws a {@link
 * DiagnosticsException} naming every such address, so no plan exists to apply.
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
    List<Diagnostic> errors = new ArrayList<>();
    Targets.check(desired, resources, options, errors);
    List<Change> changes = new ArrayList<>();
    Set<String> claimed = recordedIds(resources);
    if (options.destroy()) {
      resources.forEach(
          (address, r) ->
              changes.add(
                  r.isPipeline()
                      ? ResourceRemovals.removal(address, r, Reason.DESTROY, true, remote)
                      : Removals.plan(address, r, Reason.DESTROY, true, remote, claimed)
                          .ofConnectionKind(r.kind())));
    } else {
      Moves moves = Moves.of(desired, resources, errors);
      SortedMap<String, ResourceState> moved = moves.apply(resources);
      RemoteView view = remote.moved(moves.asMap());
      desired.environment().imports().forEach(i -> claimed.add(i.id()));
      for (DesiredConnection wanted : desired.connections().values()) {
        ResourceState recordedOne = moved.get(wanted.address());
        Optional<DeclaredImport> declared = desired.environment().importOf(wanted.address());
        if (declared.isPresent() && recordedOne == null) {
          Imports.plan(
                  wanted,
                  declared.get(),
                  desired.environment().sandbox(),
                  resources,
                  view,
                  salt,
                  errors)
              .map(c -> c.ofConnectionKind(wanted.kind()))
              .ifPresent(changes::add);
          continue;
        }
        if (declared.isPresent()) {
          Imports.alreadyInState(declared.get(), recordedOne, desired.environment().name())
              .ifPresent(errors::add);
        }
        Change change =
            options.replace().contains(wanted.address()) && isCreated(recordedOne)
                ? Updates.forcedReplace(wanted, recordedOne, view)
                : planWanted(wanted, recordedOne, view, options, salt, claimed);
        changes.add(moves.mark(change).ofConnectionKind(wanted.kind()));
      }
      changes.stream().filter(Change::adopts).map(Change::id).forEach(claimed::add);
      Map<String, Change> byAddress = new HashMap<>();
      changes.forEach(c -> byAddress.put(c.address(), c));
      ResourcePlans.plan(desired, moved, byAddress, view, options, errors).stream()
          .map(moves::mark)
          .forEach(changes::add);
      changes.addAll(
          ResourceRemovals.plan(
              desired, moved, Reason.REMOVED_FROM_MANIFESTS, options.prune(), view));
      moved.forEach(
          (address, r) -> {
            if (!r.isPipeline() && !desired.connections().containsKey(address)) {
              changes.add(
                  Removals.plan(
                          address, r, Reason.REMOVED_FROM_MANIFESTS, options.prune(), view, claimed)
                      .ofConnectionKind(r.kind()));
            }
          });
      refuseReplaces(changes, desired, options, errors);
    }
    if (!errors.isEmpty()) {
      throw new DiagnosticsException(new Diagnostics(errors));
    }
    List<Change> planned = new ArrayList<>(Targets.only(changes, options, resources));
    planned.sort(Comparator.comparing(Change::address));
    return new Plan(
        desired.environment().name(),
        desired.environment().sandbox(),
        recorded.map(State::lineage).orElse(null),
        recorded.map(State::serial).orElse(0L),
        desired.manifestDigest(),
        options.destroy() ? new TreeMap<>() : PlanSecrets.fingerprints(desired, salt),
        planned,
        options.destroy() ? List.of() : PlanSecrets.unresolved(desired),
        remote.refreshed(),
        desired.environment().orgId(),
        desired.environment().endpoint().identity(),
        options.destroy() ? List.of() : Duplicates.find(resources, remote),
        options.targets());
  }

  private static boolean isCreated(ResourceState recorded) {
    return recorded != null && !recorded.isPending() && recorded.id() != null;
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
    return Updates.plan(wanted, recorded, remote, salt, claimed);
  }

  /** The ids state records: connections a name lookup must never hand to another address. */
  private static Set<String> recordedIds(SortedMap<String, ResourceState> resources) {
    Set<String> ids = new HashSet<>();
    resources.values().stream().map(ResourceState::id).filter(Objects::nonNull).forEach(ids::add);
    return ids;
  }

  private static void refuseReplaces(
      List<Change> changes, DesiredState desired, PlanOptions options, List<Diagnostic> errors) {
    if (options.allowReplace()) {
      return;
    }
    for (Change change : changes) {
      if (change.action() == Action.REPLACE
          && change.reason() == Reason.SPEC_CHANGED
          && options.targets(change.address())) {
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
  }
}
