package dev.flowform.manifest;

import dev.flowform.diag.SourcePosition;
import dev.flowform.model.Endpoint;
import dev.flowform.model.StateLocation;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code kind: Environment} document, interpolated.
 *
 * @param state where the state lives: a file (absolute path) or PostgreSQL
 * @param emulatorData where the embedded emulator of this environment persists (beside a state
 *     file, else in {@code .flowform/} beside the manifests)
 * @param credentials absent when the document gives none (allowed for the embedded emulator)
 */
public record EnvironmentConfig(
    String name,
    SourcePosition position,
    String sandbox,
    String orgId,
    Endpoint endpoint,
    StateLocation state,
    Path emulatorData,
    Optional<Credentials> credentials,
    Map<String, String> variables) {

  public EnvironmentConfig {
    variables = Map.copyOf(variables);
  }
}
