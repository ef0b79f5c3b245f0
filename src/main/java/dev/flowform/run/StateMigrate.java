package dev.flowform.run;

import dev.flowform.diag.FlowformException;
import dev.flowform.manifest.EnvironmentConfig;
import dev.flowform.manifest.FileAccess;
import dev.flowform.manifest.StateLocations;
import dev.flowform.model.PostgresUrl;
import dev.flowform.model.StateLocation;
import dev.flowform.state.LockRequest;
import dev.flowform.state.State;
import dev.flowform.state.StateBackend;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code state migrate --to URL|PATH}: copies an environment's state to another backend, both
 * locked; the source is read (a file's journal replayed) and left exactly as it was.
 */
public final class StateMigrate {

  /** What was copied: from where to where, at which serial, how many resources. */
  public record Migrated(
      String from, String to, long serial, int resources, boolean alreadyThere) {}

  private StateMigrate() {}

  /**
   * @throws FlowformException when there is no state to move, or the target already holds another
   *     state (another lineage, or the same lineage at another serial)
   */
  public static Migrated run(RunSettings settings, String to) {
    EnvironmentConfig environment = Session.environment(settings);
    EnvironmentConfig target = withState(environment, location(environment, settings, to));
    StateBackend from = StateBackends.of(environment, settings, "state migrate");
    StateBackend into = StateBackends.of(target, settings, "state migrate");
    if (from.shownAs().equals(into.shownAs())) {
      throw new FlowformException("the state is already at " + into.shownAs());
    }
    LockRequest request = new LockRequest("state migrate", settings.who());
    try (StateSession source =
            StateSession.locked(environment, from, request, settings.lockTimeout());
        StateSession destination =
            StateSession.locked(target, into, request, settings.lockTimeout())) {
      State state = source.recordedOrFail();
      Optional<State> there = destination.recorded();
      if (there.isPresent()) {
        return alreadyThere(state, there.get(), source.shownAs(), destination.shownAs());
      }
      destination.store().write(state);
      return new Migrated(
          source.shownAs(), destination.shownAs(), state.serial(), state.resources().size(), false);
    }
  }

  private static Migrated alreadyThere(State state, State there, String from, String to) {
    if (!there.lineage().equals(state.lineage())) {
      throw new FlowformException(
          to + " already holds another state (lineage " + there.lineage() + ")",
          "migrate to another key (?key=NAME) or an empty location; nothing was changed");
    }
    if (there.serial() != state.serial()) {
      throw new FlowformException(
          to
              + " already holds this state at serial "
              + there.serial()
              + ", and "
              + from
              + " is at serial "
              + state.serial(),
          "keep the newer one; nothing was changed");
    }
    return new Migrated(from, to, state.serial(), state.resources().size(), true);
  }

  private static StateLocation location(
      EnvironmentConfig environment, RunSettings settings, String written) {
    String to =
        StateLocations.resolve(
            "--to",
            written,
            settings.workDir(),
            settings.env(),
            FileAccess.forManifests(settings.dir(), settings.fileRoots()),
            settings.scrubber()::add);
    if (PostgresUrl.isUrl(to)) {
      try {
        return new StateLocation.Postgres(
            PostgresUrl.parse(to, environment.name(), settings.env()));
      } catch (IllegalArgumentException e) {
        throw new FlowformException("--to: " + e.getMessage());
      }
    }
    return new StateLocation.File(settings.workDir().resolve(Path.of(to)).normalize());
  }

  private static EnvironmentConfig withState(EnvironmentConfig e, StateLocation state) {
    return new EnvironmentConfig(
        e.name(),
        e.position(),
        e.sandbox(),
        e.orgId(),
        e.endpoint(),
        state,
        e.emulatorData(),
        e.credentials(),
        e.variables(),
        e.unresolved(),
        e.imports());
  }
}
