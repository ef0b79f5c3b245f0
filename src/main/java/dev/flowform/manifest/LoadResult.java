package dev.flowform.manifest;

import dev.flowform.diag.Diagnostics;
import java.util.List;
import java.util.Optional;

/**
 * What loading the manifests gave.
 *
 * @param environments every Environment document that bound, in file order: the selected one
 *     interpolated, the others as written (their credentials as {@link Secret#unresolved} holding
 *     the raw text, their other fields as raw text)
 * @param desired the selected environment's desired state; present only when an environment was
 *     selected, references were resolved (not {@link Resolution#STRUCTURE}) and there is no error
 */
public record LoadResult(
    Diagnostics diagnostics, List<EnvironmentConfig> environments, Optional<DesiredState> desired) {

  public LoadResult {
    environments = List.copyOf(environments);
  }

  /**
   * The selected environment's desired state, or a {@code DiagnosticsException} with every error.
   */
  public DesiredState orThrow() {
    if (diagnostics.hasErrors()) {
      throw new dev.flowform.diag.DiagnosticsException(diagnostics);
    }
    return desired.orElseThrow(
        () -> new IllegalStateException("no desired state: loaded with Resolution.STRUCTURE"));
  }
}
