package dev.flowform.manifest.doc;

import java.util.Set;

/**
 * A document bound to its record.
 *
 * @param resolved whether its references were resolved (else its strings are the raw text)
 * @param unresolved pointers of sensitive values left unresolved on purpose (raw text kept)
 */
public record Bound<T>(
    ManifestDocument document, T manifest, boolean resolved, Set<String> unresolved) {
  public Bound {
    unresolved = Set.copyOf(unresolved);
  }
}
