package dev.flowform.run;

import dev.flowform.diag.Diagnostic;
import dev.flowform.diag.FlowformException;
import dev.flowform.manifest.DesiredState;
import dev.flowform.manifest.EnvironmentConfig;
import dev.flowform.manifest.LoadResult;
import dev.flowform.manifest.ManifestLoader;
import dev.flowform.manifest.Resolution;
import dev.flowform.plan.Plan;
import dev.flowform.plan.PlanOptions;
import dev.flowform.plan.Planner;
import dev.flowform.plan.RemoteView;
import dev.flowform.state.State;
import dev.flowform.state.StateBinding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what the status matrix is made of: every environment's manifests (loaded {@link
 * Resolution#OFFLINE}: what does not resolve here is kept unresolved and marked so) and its state
 * file (read without a lock, never written), planned offline. Needs no secret and no call to the
 * platform; a state kept in PostgreSQL needs its database, and one that cannot be read is reported
 * by {@link #unreadable()} instead of failing the others.
 */
public final class StatusReader {
  private static final PlanOptions OFFLINE = new PlanOptions(true, false, false, false);

  private final RunSettings settings;
  private final Map<String, String> unreadable = new LinkedHashMap<>();

  /** Warnings go to the settings' error stream, once per environment. */
  public StatusReader(RunSettings settings) {
    this.settings = settings;
  }

  /**
   * One offline plan per environment.
   *
   * @param only the environments to read, in this order; empty: all, in the manifests' order
   * @throws dev.flowform.diag.DiagnosticsException when the manifests have errors
   * @throws FlowformException when {@code only} names an environment the manifests lack
   */
  public List<Plan> plans(List<String> only) {
    Path dir = settings.dir();
    ManifestLoader loader =
        new ManifestLoader(
            settings.workDir(),
            settings.env(),
            settings.fileRoots(),
            settings.scrubber()::add,
            dev.flowform.registry.Kinds.all().manifests());
    LoadResult structure = loader.load(dir, Optional.empty(), Resolution.STRUCTURE);
    if (structure.diagnostics().hasErrors()) {
      structure.orThrow();
    }
    List<Plan> plans = new ArrayList<>();
    Set<String> shown = new LinkedHashSet<>();
    for (String environment : selected(structure.environments(), only)) {
      LoadResult loaded = loader.load(dir, Optional.of(environment), Resolution.OFFLINE);
      loaded.diagnostics().all().stream()
          .filter(d -> !d.isError())
          .map(Diagnostic::format)
          .filter(shown::add)
          .forEach(settings.err()::println);
      DesiredState desired = loaded.orThrow();
      Optional<State> state;
      try {
        state = state(desired, settings);
      } catch (FlowformException e) {
        unreadable.put(environment, e.getMessage());
        state = Optional.empty();
      }
      plans.add(new Planner().plan(desired, state, RemoteView.OFFLINE, OFFLINE));
    }
    settings.err().flush();
    return plans;
  }

  /**
   * By environment, why its state could not be read by the last {@link #plans} (a database that
   * cannot be reached, say): its plan was made as if there were no state, and must not be shown.
   */
  public Map<String, String> unreadable() {
    return Map.copyOf(unreadable);
  }

  private static List<String> selected(List<EnvironmentConfig> declared, List<String> only) {
    List<String> names = declared.stream().map(EnvironmentConfig::name).toList();
    if (only.isEmpty()) {
      return names;
    }
    for (String name : only) {
      if (!names.contains(name)) {
        throw new FlowformException(
            "unknown environment '" + name + "'", "known: " + String.join(", ", names));
      }
    }
    return List.copyOf(new LinkedHashSet<>(only));
  }

  private Optional<State> state(DesiredState desired, RunSettings settings) {
    EnvironmentConfig environment = desired.environment();
    try (StateSession session =
        StateSession.readOnly(
            environment, StateBackends.of(environment, settings, "status"), binding(environment))) {
      return session.recorded();
    }
  }

  /** The environment's binding; a part that did not resolve here is not compared. */
  private static StateBinding binding(EnvironmentConfig environment) {
    StateBinding b = StateSession.bindingOf(environment);
    return new StateBinding(
        b.environment(),
        environment.resolved(EnvironmentConfig.SANDBOX) ? b.sandbox() : null,
        environment.resolved(EnvironmentConfig.ORG_ID) ? b.orgId() : null,
        environment.resolved(EnvironmentConfig.ENDPOINT) ? b.endpoint() : null);
  }
}
