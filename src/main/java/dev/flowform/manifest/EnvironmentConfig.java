package dev.flowform.manifest;

import dev.flowform.diag.SourcePosition;
import dev.flowform.model.Endpoint;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code kind: Environment} document, interpolated.
 *
 * @param statePath absolute path of the state file
 * @param credentials absent when the document gives none (allowed for the embedded emulator)
 * @param unresolved the values that did not resolve (an {@link Resolution#OFFLINE} load only; their
 *     raw text is kept), as pointers into the spec: {@link #SANDBOX}, {@link #ORG_ID}, {@link
 *     #ENDPOINT}, ...
 */
public record EnvironmentConfig(
    String name,
    SourcePosition position,
    String sandbox,
    String orgId,
    Endpoint endpoint,
    Path statePath,
    Optional<Credentials> credentials,
    Map<String, String> variables,
    Set<String> unresolved) {
  public static final String SANDBOX = "/sandbox";
  public static final String ORG_ID = "/orgId";
  public static final String ENDPOINT = "/endpoint";

  public EnvironmentConfig {
    variables = Map.copyOf(variables);
    unresolved = Set.copyOf(unresolved);
  }

  /** False when the value at this pointer (e.g. {@link #ORG_ID}) did not resolve. */
  public boolean resolved(String pointer) {
    return !unresolved.contains(pointer);
  }

  /** Where the embedded emulator of this environment persists: beside the state file. */
  public Path emulatorDataPath() {
    return statePath.resolveSibling(name + ".emulator.json");
  }
}
