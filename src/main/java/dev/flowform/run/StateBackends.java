package dev.flowform.run;

import dev.flowform.diag.FlowformException;
import dev.flowform.manifest.EnvironmentConfig;
import dev.flowform.manifest.PostgresPasswords;
import dev.flowform.model.StateLocation;
import dev.flowform.state.FileStateBackend;
import dev.flowform.state.StateBackend;
import dev.flowform.state.pg.Author;
import dev.flowform.state.pg.PostgresStateBackend;
import java.util.UUID;

/** Chooses the backend of an environment's state from where its {@code spec.state} points. */
final class StateBackends {
  private StateBackends() {}

  /**
   * @param operation what the run does, as a PostgreSQL state's history records it
   */
  static StateBackend of(EnvironmentConfig environment, RunSettings settings, String operation) {
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
    if (location instanceof StateLocation.Postgres postgres) {
      return new PostgresStateBackend(
          postgres.url(),
          new Author(operation, settings.who(), settings.version()),
          settings.clock(),
          ProcessHandle.current().pid(),
          settings.version(),
          UUID::randomUUID);
    }
    throw new FlowformException(
        "the state of environment '"
            + environment.name()
            + "' cannot be used: "
            + ((StateLocation.Unusable) location).why(),
        "flowform validate --env " + environment.name() + " shows where");
  }
}
