package dev.flowform.run;

import dev.flowform.diag.FlowformException;
import dev.flowform.manifest.EnvironmentConfig;
import dev.flowform.manifest.PostgresPasswords;
import dev.flowform.model.StateLocation;
import dev.flowform.state.FileStateBackend;
import dev.flowform.state.StateBackend;
import java.util.UUID;

/** Chooses the backend of an environment's state from where its {@code spec.state} points. */
final class StateBackends {
  private StateBackends() {}

  static StateBackend of(EnvironmentConfig environment, RunSettings settings) {
    StateLocation location = environment.state();
    PostgresPasswords.of(location).ifPresent(settings.scrubber()::add);
    if (location instanceof StateLocation.File file) {
      return new FileStateBackend(
          file.path(),
          settings.display().apply(file.path()),
          settings.clock(),
          ProcessHandle.current().pid(),
          settings.version(),
          UUID::randomUUID,
          settings.scrubber());
    }
    if (location instanceof StateLocation.Unusable unusable) {
      throw new FlowformException(
          "the state of environment '" + environment.name() + "' cannot be used: " + unusable.why(),
          "flowform validate --env " + environment.name() + " shows where");
    }
    throw new FlowformException(
        "PostgreSQL state is not wired into this build yet (environment '"
            + environment.name()
            + "')");
  }
}
