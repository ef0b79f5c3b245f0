package dev.flowform.run;

import dev.flowform.apply.ResourceRecords;
import dev.flowform.diag.FlowformException;
import dev.flowform.model.RemoteConnection;
import dev.flowform.plan.Change;
import dev.flowform.plan.Plan;
import dev.flowform.plan.RemoteView;
import dev.flowform.plan.SavedChangesCheck;
import dev.flowform.plan.SavedPlan;
import dev.flowform.plan.SavedPlanFile;
import dev.flowform.plan.StalePlanCheck;
import dev.flowform.state.ResourceState;
import dev.flowform.state.State;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** {@code plan --out FILE} and {@code apply FILE}: a saved plan, executed only as it was made. */
public final class SavedPlans {
  private SavedPlans() {}

  /** The saved plan in {@code file}; it names its own environment. */
  public static SavedPlan read(Path file) {
    return new SavedPlanFile().read(file);
  }

  /**
   * The saved plan in {@code file}, read once the scrubber knows the secrets of every environment's
   * manifests: a file given by mistake (a secret's) is never echoed by an error about it.
   */
  public static SavedPlan read(RunSettings settings, Path file) {
    ManifestSecrets.learn(settings);
    return new SavedPlanFile(settings.scrubber()).read(file);
  }

  /**
   * The plan to save: with the refreshed prior records of the connections it changes that the
   * platform moved since state recorded them (drift), so that {@code apply FILE} can check it
   * against the state as the refresh saw it, as Terraform's saved plans carry the refreshed prior
   * state.
   */
  public static SavedPlan toSave(Session session, Plan plan) {
    RemoteView read = session.lastRead();
    State recorded = session.state().recordedOrEmpty();
    SortedMap<String, SavedPlan.Refreshed> prior = new TreeMap<>();
    for (Change change : plan.mutations()) {
      String at = change.moves() ? change.movedFrom() : change.address();
      ResourceState record = recorded.resources().get(at);
      RemoteConnection remote = read.found().get(at);
      if (record == null || remote == null || record.isPending()) {
        continue;
      }
      if (!Objects.equals(remote.id(), record.id())) {
        continue;
      }
      ResourceState refreshed = ResourceRecords.refreshed(record, remote);
      if (!refreshed.equals(record)) {
        prior.put(
            at,
            new SavedPlan.Refreshed(
                refreshed.id(),
                refreshed.etag(),
                refreshed.name(),
                refreshed.description(),
                refreshed.params()));
      }
    }
    return SavedPlan.of(plan, prior);
  }

  /**
   * The saved plan, exactly, once shown to be neither stale (the state, manifests or secrets moved
   * since) nor altered (a change a fresh plan from this state and these manifests would not make).
   * The changes are checked against the state with the plan's refreshed prior records in it, each
   * of which must be of a connection state records under that address and that the plan changes.
   * Checked offline, under the lock, before anything is sent.
   */
  public static Plan verified(Session session, SavedPlan saved) {
    Plan plan = saved.toPlan();
    Plan fresh = session.plan(SavedChangesCheck.freshOptions(plan), Optional.of(false), 1);
    Optional<State> current = session.state().recorded();
    StalePlanCheck.check(plan, current, fresh);
    SavedChangesCheck.check(plan, prior(saved, plan, current), fresh);
    return plan;
  }

  /** The current state with the saved plan's refreshed records in it (same lineage and serial). */
  private static Optional<State> prior(SavedPlan saved, Plan plan, Optional<State> current) {
    Map<String, SavedPlan.Refreshed> refreshed = saved.refreshedPrior();
    if (refreshed.isEmpty() || current.isEmpty()) {
      if (!refreshed.isEmpty()) {
        throw refused(refreshed.keySet().iterator().next(), "there is no state");
      }
      return current;
    }
    Set<String> changed =
        plan.mutations().stream()
            .map(c -> c.moves() ? c.movedFrom() : c.address())
            .collect(Collectors.toSet());
    State state = current.get();
    SortedMap<String, ResourceState> resources = new TreeMap<>(state.resources());
    for (Map.Entry<String, SavedPlan.Refreshed> entry : refreshed.entrySet()) {
      String address = entry.getKey();
      SavedPlan.Refreshed read = entry.getValue();
      ResourceState record = resources.get(address);
      if (record == null || record.isPending()) {
        throw refused(address, "state records no connection at this address");
      }
      if (!Objects.equals(record.id(), read.id())) {
        throw refused(
            address, "it names connection " + read.id() + ", but state records " + record.id());
      }
      if (!changed.contains(address)) {
        throw refused(address, "the plan does not change this connection");
      }
      RemoteConnection remote =
          new RemoteConnection(
              read.id(),
              read.etag(),
              read.name(),
              read.description(),
              record.connectionSpec(),
              null,
              record.authSpecName(),
              read.params(),
              record.createdAt());
      resources.put(address, ResourceRecords.refreshed(record, remote));
    }
    return Optional.of(state.withResources(resources));
  }

  private static FlowformException refused(String address, String why) {
    return new FlowformException(
        "saved plan refused: its refreshed record of \""
            + address
            + "\" is not one a refresh of this state could read ("
            + why
            + "); the plan file was altered or does not belong to this state; nothing was sent",
        "make a new plan with flowform plan --out FILE and review it");
  }
}
