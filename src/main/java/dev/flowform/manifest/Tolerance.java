package dev.flowform.manifest;

import dev.flowform.manifest.doc.References;
import java.util.List;
import java.util.Set;

/**
 * Which references a load lets stay unresolved: the value keeps its raw text and its pointer is
 * recorded, so the model can say it did not resolve. Anything else that fails is an error.
 */
@FunctionalInterface
interface Tolerance {
  /** Nothing is tolerated (STRICT, and anything outside the selected environment). */
  Tolerance NONE = (pointer, raw, failures) -> false;

  /**
   * @param raw the value as written
   * @param failures why it did not resolve (never empty)
   */
  boolean tolerates(String pointer, String raw, List<Interpolator.Failure> failures);

  /** LENIENT_SECRETS: a sensitive value whose references are well formed but did not resolve. */
  static Tolerance sensitive(Set<String> pointers) {
    return (pointer, raw, failures) ->
        pointers.contains(pointer) && failures.stream().allMatch(Interpolator.Failure::tolerable);
  }

  /**
   * OFFLINE: any value whose every failing reference is an {@code ${env:}} or {@code ${file:}}
   * (unset, empty, missing), or a {@code ${var:}} naming a variable that itself did not resolve. A
   * malformed reference, a refused {@code ${file:}} (outside the project, not a regular file, too
   * large) or an undefined variable stays an error.
   *
   * @param unresolvedVariables the selected environment's variables that did not resolve
   */
  static Tolerance offline(Set<String> unresolvedVariables) {
    return (pointer, raw, failures) -> {
      List<References.Part> parts = References.parse(raw);
      return failures.stream()
          .allMatch(f -> f.tolerable() && unavailable(parts, f.offset(), unresolvedVariables));
    };
  }

  private static boolean unavailable(
      List<References.Part> parts, int offset, Set<String> unresolvedVariables) {
    return parts.stream()
        .anyMatch(
            p ->
                p instanceof References.Ref ref
                    && ref.offset() == offset
                    && (!ref.scheme().equals("var")
                        || unresolvedVariables.contains(ref.argument())));
  }
}
