package dev.flowform.manifest;

import dev.flowform.diag.SourcePosition;
import dev.flowform.model.Endpoint;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code kind: Environment} document, interpolated.
 *
 * @param statePath absolute path of the state file
 * @param credentials absent when the document gives none (allowed for the embedded emulator)
 */
public record EnvironmentConfig(
    String name,
    SourcePosition position,
    String sandbox,
    String orgId,
    Endpoint endpoint,
    Path statePath,
    Optional<Credentials> credentials,
    Map<String, String> variables) {

  public EnvironmentConfig {
    variables = Map.copyOf(variables);
  }

  /** Where the embedded emulator of this environment persists: beside the state file. */
  public Path emulatorDataPath() {
    return statePath.resolveSibling(name + ".emulator.json");
  }
}
