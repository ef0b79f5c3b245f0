package dev.flowform.run;

import dev.flowform.apply.Applier;
import dev.flowform.apply.ApplyOptions;
import dev.flowform.apply.ApplyResult;
import dev.flowform.diag.Background;
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
import dev.flowform.refresh.RefreshResult;
import dev.flowform.refresh.Refresher;
import dev.flowform.state.LockRequest;
import dev.flowform.state.ResourceState;
import dev.flowform.state.State;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * One run against one environment: the manifests loaded and checked, the state read under its lock,
 * and the platform opened on first use. Everything a command needs, and released together.
 */
public final class Session implements AutoCloseable {
  private final RunSettings settings;
  private final DesiredState desired;
  private final StateSession state;
  private Platform platform;
  private RemoteView lastRead = RemoteView.OFFLINE;

  private Session(RunSettings settings, DesiredState desired, StateSession state) {
    this.settings = settings;
    this.desired = desired;
    this.state = state;
  }

  /**
   * Loads the manifests (warnings printed, errors thrown as a {@code DiagnosticsException} before
   * anything else happens), then takes the state lock for {@code operation}.
   */
  public static Session open(RunSettings settings, Resolution resolution, String operation) {
    DesiredState desired = load(settings, resolution);
    StateSession state =
        StateSession.locked(
            desired.environment(),
            StateBackends.of(desired.environment(), settings, operation),
            new LockRequest(operation, settings.who()),
            settings.lockTimeout(),
            message -> {
              settings.err().println(message);
              settings.err().flush();
            });
    return new Session(settings, desired, state);
  }

  /**
   * Like {@link #open}, but reads the state without taking its lock ({@code plan --lock=false}):
   * nothing can be written through it.
   */
  public static Session openReadOnly(RunSettings settings, Resolution resolution) {
    DesiredState desired = load(settings, resolution);
    EnvironmentConfig environment = desired.environment();
    StateSession state =
        StateSession.readOnly(
            environment,
            StateBackends.of(environment, settings, "plan"),
            StateSession.bindingOf(environment));
    return new Session(settings, desired, state);
  }

  /** The selected environment's desired state; warnings printed, errors thrown. */
  public static DesiredState load(RunSettings settings, Resolution resolution) {
    LoadResult loaded =
        new ManifestLoader(
                settings.workDir(),
                settings.env(),
                settings.fileRoots(),
                settings.scrubber()::add,
                dev.flowform.registry.Kinds.all().manifests())
            .load(settings.dir(), settings.environment(), resolution);
    if (!loaded.diagnostics().hasErrors()) {
      loaded.diagnostics().all().stream().map(Diagnostic::format).forEach(settings.err()::println);
    }
    DesiredState desired = loaded.orThrow();
    RunSecrets.register(desired, settings.scrubber());
    return desired;
  }

  /** The selected environment, for the commands that need only its state file. */
  public static EnvironmentConfig environment(RunSettings settings) {
    return load(settings, Resolution.LENIENT_SECRETS).environment();
  }

  public DesiredState desired() {
    return desired;
  }

  public StateSession state() {
    return state;
  }

  /** True when the platform can be reached: the embedded emulator, or resolved credentials. */
  public boolean canReachPlatform() {
    return PlatformAccess.whyNot(desired.environment()).isEmpty();
  }

  /** The platform, opened on first use. */
  public Platform platform() {
    if (platform == null) {
      platform =
          Platform.open(
              desired.environment(),
              settings.userAgent(),
              settings.trace(),
              settings.clock(),
              Platform.Tuning.from(settings.env()),
              settings.scrubber());
    }
    return platform;
  }

  /** Reads what the platform has for the recorded and desired connections. */
  public RefreshResult refresh(int parallelism) {
    return new Refresher().refresh(state.recordedOrEmpty(), desired, platform().api(), parallelism);
  }

  /**
   * The plan: refreshed first unless offline planning was asked for.
   *
   * @param refresh {@code empty} for the default, a refresh; {@code false} plans offline
   * @throws FlowformException when a refresh is due but the platform cannot be reached here
   *     (credentials that do not resolve): a drift check never passes without looking
   */
  public Plan plan(PlanOptions options, Optional<Boolean> refresh, int parallelism) {
    boolean refreshing = refresh.orElse(true);
    if (refreshing) {
      PlatformAccess.whyNot(desired.environment())
          .ifPresent(
              why -> {
                throw new FlowformException(
                    "cannot refresh environment \""
                        + desired.environment().name()
                        + "\" to check for drift: "
                        + why,
                    "set them, or plan offline without a drift check with --refresh=false");
              });
    }
    RemoteView remote = RemoteView.OFFLINE;
    if (refreshing) {
      // the plan hashes every manifest (its digest, and on a first apply the fingerprints' salt):
      // done on another core while the refresh waits for the platform, made once either way
      CompletableFuture<String> digest =
          Background.start("flowform-digest", desired::manifestDigest, made -> {});
      remote = refreshTargets(options.targets(), parallelism);
      digest.join();
    }
    lastRead = remote;
    return new Planner().plan(desired, state.recorded(), remote, options);
  }

  /** What the last {@link #plan} read from the platform; {@link RemoteView#OFFLINE} offline. */
  public RemoteView lastRead() {
    return lastRead;
  }

  /** Reads only what the targets need (all of it without targets): a targeted plan reads less. */
  private RemoteView refreshTargets(List<String> targets, int parallelism) {
    if (targets.isEmpty()) {
      return refresh(parallelism).view();
    }
    Set<String> addresses = new HashSet<>(targets);
    desired.connections().values().stream()
        .filter(
            c ->
                targets.contains(c.address()) || c.movedFrom().stream().anyMatch(targets::contains))
        .forEach(
            c -> {
              addresses.add(c.address());
              addresses.addAll(c.movedFrom());
            });
    State recorded = state.recordedOrEmpty();
    SortedMap<String, ResourceState> kept = new TreeMap<>(recorded.resources());
    kept.keySet().retainAll(addresses);
    DesiredState only =
        DesiredState.of(
            desired.environment(),
            desired.connections().values().stream()
                .filter(c -> addresses.contains(c.address()))
                .toList(),
            desired.manifestDigest());
    return new Refresher()
        .refresh(recorded.withResources(kept), only, platform().api(), parallelism)
        .view();
  }

  /** Executes the plan's changes, recording each in state as it lands. */
  public ApplyResult apply(Plan plan, ApplyOptions options) {
    return new Applier()
        .apply(plan, desired, state.recordedOrEmpty(), state.store(), platform().api(), options);
  }

  @Override
  public void close() {
    try {
      if (platform != null) {
        platform.close();
      }
    } finally {
      state.close();
    }
  }
}
