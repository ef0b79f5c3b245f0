package dev.flowform.status;

import dev.flowform.diag.Diagnostic;
import dev.flowform.diag.FlowformException;
import dev.flowform.manifest.DesiredConnection;
import dev.flowform.manifest.DesiredState;
import dev.flowform.manifest.EnvironmentConfig;
import dev.flowform.manifest.LoadResult;
import dev.flowform.manifest.ManifestLoader;
import dev.flowform.manifest.Resolution;
import dev.flowform.manifest.Secret;
import dev.flowform.plan.Plan;
import dev.flowform.plan.PlanOptions;
import dev.flowform.plan.Planner;
import dev.flowform.plan.RemoteView;
import dev.flowform.state.FileStateStore;
import dev.flowform.state.State;
import dev.flowform.state.StateBinding;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads what the status matrix is made of: every environment's manifests (resolved leniently, unset
 * environment variables standing for themselves) and its state file (read without a lock, never
 * written), planned offline. Needs no secret and no network.
 */
public final class StatusReader {
  private static final PlanOptions OFFLINE = new PlanOptions(true, false, false, false);

  private final Path workDir;
  private final Map<String, String> env;
  private final PrintWriter warnings;
  private final Function<Path, String> display;

  /**
   * @param warnings where the manifests' warnings are printed (once per environment)
   * @param display a path as the user should see it
   */
  public StatusReader(
      Path workDir, Map<String, String> env, PrintWriter warnings, Function<Path, String> display) {
    this.workDir = workDir;
    this.env = Map.copyOf(env);
    this.warnings = warnings;
    this.display = display;
  }

  /**
   * One offline plan per environment.
   *
   * @param only the environments to read, in this order; empty: all, in the manifests' order
   * @throws dev.flowform.diag.DiagnosticsException when the manifests have errors
   * @throws FlowformException when {@code only} names an environment the manifests lack
   */
  public List<Plan> plans(Path dir, List<String> only) {
    Map<String, String> completed = UnsetReferences.complete(env, workDir.resolve(dir));
    ManifestLoader loader = new ManifestLoader(workDir, completed);
    LoadResult structure = loader.load(dir, Optional.empty(), Resolution.STRUCTURE);
    if (structure.diagnostics().hasErrors()) {
      structure.orThrow();
    }
    List<Plan> plans = new ArrayList<>();
    Set<String> shown = new LinkedHashSet<>();
    for (String environment : selected(structure.environments(), only)) {
      LoadResult loaded = loader.load(dir, Optional.of(environment), Resolution.LENIENT_SECRETS);
      loaded.diagnostics().all().stream()
          .filter(d -> !d.isError())
          .map(Diagnostic::format)
          .filter(shown::add)
          .forEach(warnings::println);
      DesiredState desired = withoutPlaceholders(loaded.orThrow());
      plans.add(new Planner().plan(desired, state(desired), RemoteView.OFFLINE, OFFLINE));
    }
    warnings.flush();
    return plans;
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

  private Optional<State> state(DesiredState desired) {
    EnvironmentConfig environment = desired.environment();
    // read only: never closed, since closing folds a journal into the file (a write, unlocked)
    Optional<State> state = new FileStateStore(environment.statePath()).read();
    state.ifPresent(s -> binding(environment, s).check(s, display.apply(environment.statePath())));
    return state;
  }

  /** The environment's binding; a part still holding an unset reference is not compared. */
  private static StateBinding binding(EnvironmentConfig environment, State state) {
    StateBinding b = StateBinding.of(environment);
    return new StateBinding(
        b.environment(),
        StatusMatrix.holdsReference(b.sandbox()) ? state.sandbox() : b.sandbox(),
        StatusMatrix.holdsReference(b.orgId()) ? state.orgId() : b.orgId(),
        StatusMatrix.holdsReference(b.endpoint()) ? state.endpoint() : b.endpoint());
  }

  /** A secret whose value is its own reference text stood in for an unset variable: unresolved. */
  private static DesiredState withoutPlaceholders(DesiredState desired) {
    List<DesiredConnection> connections = new ArrayList<>();
    for (DesiredConnection c : desired.connections().values()) {
      SortedMap<String, Secret> secrets = new TreeMap<>();
      c.secrets()
          .forEach(
              (param, secret) ->
                  secrets.put(
                      param,
                      secret.value().filter(v -> v.equals(secret.reference())).isPresent()
                          ? Secret.unresolved(secret.reference())
                          : secret));
      connections.add(
          new DesiredConnection(
              c.address(),
              c.position(),
              c.name(),
              c.description(),
              c.connectionSpec(),
              c.authSpecName(),
              c.params(),
              secrets));
    }
    return DesiredState.of(desired.environment(), connections, desired.manifestDigest());
  }
}
