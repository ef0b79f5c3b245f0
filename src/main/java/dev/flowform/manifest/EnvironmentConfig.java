package dev.flowform.manifest;

import dev.flowform.diag.SourcePosition;
import dev.flowform.model.Endpoint;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code kind: Environment} document, interpolated.
 *
 * @param statePath absolute path of the state file
 * @param credentials absent when the document gives none (allowed for the embedded emulator)
 * @param imports the existing connections to adopt ({@code spec.imports}), sorted by address
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
    List<DeclaredImport> imports) {

  public EnvironmentConfig {
    variables = Map.copyOf(variables);
    imports =
        imports == null
            ? List.of()
            : imports.stream()
                .sorted(java.util.Comparator.comparing(DeclaredImport::address))
                .toList();
  }

  /** An environment that declares no import. */
  public EnvironmentConfig(
      String name,
      SourcePosition position,
      String sandbox,
      String orgId,
      Endpoint endpoint,
      Path statePath,
      Optional<Credentials> credentials,
      Map<String, String> variables) {
    this(name, position, sandbox, orgId, endpoint, statePath, credentials, variables, List.of());
  }

  /** The import declared for this address, if any. */
  public Optional<DeclaredImport> importOf(String address) {
    return imports.stream().filter(i -> i.address().equals(address)).findFirst();
  }

  /** Where the embedded emulator of this environment persists: beside the state file. */
  public Path emulatorDataPath() {
    return statePath.resolveSibling(name + ".emulator.json");
  }
}
