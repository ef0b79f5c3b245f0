package dev.flowform.run;

import dev.flowform.diag.DiagnosticsException;
import dev.flowform.diag.FlowformException;
import dev.flowform.manifest.DesiredState;
import dev.flowform.manifest.EnvironmentConfig;
import dev.flowform.manifest.LoadResult;
import dev.flowform.manifest.ManifestLoader;
import dev.flowform.manifest.Resolution;
import dev.flowform.plan.PlanOptions;
import dev.flowform.plan.Planner;
import dev.flowform.plan.RemoteView;
import dev.flowform.refresh.HealthReads;
import dev.flowform.refresh.Refresher;
import dev.flowform.state.State;
import dev.flowform.status.Refreshed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code status --refresh}: for each environment whose credentials resolve (or that runs the
 * embedded emulator), reads the platform (at most {@code parallelism} calls at once, one
 * environment after the other) and plans from what it says, so the matrix can show drift beside its
 * offline columns, and how each recorded dataflow runs (enabled, its latest run). Reads state
 * without a lock and writes nothing. An environment whose references do not resolve here is marked
 * offline, saying which; one the platform cannot be read for is marked failed. Never throws for one
 * environment: the command fails once the matrix is shown.
 */
public final class StatusRefresh {
  private static final PlanOptions OPTIONS = new PlanOptions(true, false, false, false);

  private final RunSettings settings;

  public StatusRefresh(RunSettings settings) {
    this.settings = settings;
  }

  public List<Refreshed> read(List<String> environments, int parallelism) {
    List<Refreshed> out = new ArrayList<>();
    for (String environment : environments) {
      out.add(readOne(environment, parallelism));
    }
    return out;
  }

  private Refreshed readOne(String environment, int parallelism) {
    LoadResult loaded =
        new ManifestLoader(
                settings.workDir(),
                settings.env(),
                java.util.List.of(),
                value -> {},
                dev.flowform.registry.Kinds.all().manifests())
            .load(settings.dir(), Optional.of(environment), Resolution.LENIENT_SECRETS);
    if (loaded.diagnostics().hasErrors() || loaded.desired().isEmpty()) {
      return Refreshed.offline(
          environment,
          loaded
              .diagnostics()
              .errors()
              .findFirst()
              .map(d -> d.format())
              .orElse("some of its references do not resolve here"));
    }
    DesiredState desired = loaded.desired().get();
    EnvironmentConfig config = desired.environment();
    Optional<String> unreachable = PlatformAccess.whyNot(config);
    if (unreachable.isPresent()) {
      return Refreshed.offline(environment, unreachable.get());
    }
    try (StateSession state =
            StateSession.readOnly(
                config,
                StateBackends.of(config, settings, "status"),
                StateSession.bindingOf(config));
        Platform platform =
            Platform.open(
                config,
                settings.userAgent(),
                settings.trace(),
                settings.clock(),
                Platform.Tuning.from(settings.env()),
                settings.scrubber())) {
      State recorded = state.recordedOrEmpty();
      RemoteView view =
          new Refresher().refresh(recorded, desired, platform.api(), parallelism).view();
      return Refreshed.of(
          new Planner().plan(desired, state.recorded(), view, OPTIONS),
          new HealthReads(dev.flowform.registry.Kinds.all())
              .read(recorded, platform.api(), parallelism));
    } catch (FlowformException e) {
      return Refreshed.failed(environment, e.getMessage());
    } catch (DiagnosticsException e) {
      return Refreshed.failed(
          environment,
          e.diagnostics().errors().findFirst().map(d -> d.format()).orElse(e.getMessage()));
    }
  }
}
