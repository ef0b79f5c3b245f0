package dev.flowform.manifest;

import dev.flowform.diag.SourcePosition;
import dev.flowform.model.Endpoint;
import dev.flowform.model.StateLocation;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code kind: Environment} document, interpolated.
 *
 * @param state where the state lives: a file (absolute path) or PostgreSQL
 * @param emulatorData where the embedded emulator of this environment persists (beside a state
 *     file, else in {@code .flowform/} beside the manifests)
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
    StateLocation state,
    Path emulatorData,
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
}
