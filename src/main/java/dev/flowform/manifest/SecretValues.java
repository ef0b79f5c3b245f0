package dev.flowform.manifest;

import dev.flowform.manifest.doc.Bound;
import dev.flowform.manifest.doc.References;

/**
 * Builds {@link Secret}s from a bound document: the reference from the raw text, the value bound.
 */
final class SecretValues {
  static final String LITERAL = "(literal)";

  private SecretValues() {}

  /** The secret at a pointer, or null when the field is absent. */
  static Secret of(Bound<?> bound, String pointer, String value) {
    if (value == null) {
      return null;
    }
    String raw = bound.document().text(pointer);
    String reference = raw != null && References.hasAny(raw) ? raw : LITERAL;
    if (!bound.resolved() || bound.unresolved().contains(pointer)) {
      return Secret.unresolved(reference);
    }
    return Secret.resolved(reference, value);
  }
}
