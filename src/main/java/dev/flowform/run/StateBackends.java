package dev.flowform.run;

import dev.flowform.manifest.EnvironmentConfig;
import dev.flowform.state.FileStateBackend;
import dev.flowform.state.StateBackend;
import java.util.UUID;

/** Chooses the backend of an environment's state from where its {@code spec.state} points. */
final class StateBackends {
  private StateBackends() {}

  static StateBackend of(EnvironmentConfig environment, RunSettings settings) {
    return new FileStateBackend(
        environment.statePath(),
        settings.display().apply(environment.statePath()),
        settings.clock(),
        ProcessHandle.current().pid(),
        settings.version(),
        UUID::randomUUID,
        settings.scrubber());
  }
}
