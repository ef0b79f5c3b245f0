package dev.flowform.kinds;

import dev.flowform.manifest.doc.Bound;
import java.util.Set;
import java.util.TreeSet;

/** What every kind reads the same way from its bound document. */
public final class Documents {
  private Documents() {}

  /** The document's values left unresolved (an offline load), as pointers under {@code /spec}. */
  public static Set<String> unresolved(Bound<?> bound) {
    return new TreeSet<>(bound.unresolvedInSpec(Set.of()));
  }

  /** The addresses of a kind's {@code metadata.movedFrom} names. */
  public static java.util.List<String> addresses(
      dev.flowform.manifest.ManifestKind<?> kind, java.util.List<String> names) {
    return names == null ? java.util.List.of() : names.stream().map(kind::address).toList();
  }

  /** {@code value}, or {@code fallback} when it is null or blank. */
  public static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
