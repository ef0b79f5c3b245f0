package dev.flowform.manifest.doc;

import java.util.Collection;
import java.util.Set;

/**
 * A document bound to its record.
 *
 * @param resolved whether its references were resolved (else its strings are the raw text)
 * @param unresolved pointers of values left unresolved on purpose (raw text kept): sensitive ones
 *     ({@code LENIENT_SECRETS}), or any reference that is not available here ({@code OFFLINE})
 */
public record Bound<T>(
    ManifestDocument document, T manifest, boolean resolved, Set<String> unresolved) {
  private static final String SPEC = "/spec";

  public Bound {
    unresolved = Set.copyOf(unresolved);
  }

  /**
   * The unresolved values under {@code /spec} that are not {@code secrets}, as pointers relative to
   * it: {@code /spec/orgId} to {@code /orgId}.
   */
  public Set<String> unresolvedInSpec(Collection<String> secrets) {
    return unresolved.stream()
        .filter(p -> p.startsWith(SPEC + "/") && !secrets.contains(p))
        .map(p -> p.substring(SPEC.length()))
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }
}
