package dev.flowform.manifest.validate;

import dev.flowform.diag.Diagnostic;
import dev.flowform.diag.Severity;
import dev.flowform.manifest.doc.References;
import dev.flowform.manifest.doc.SourceMap;
import java.util.List;
import java.util.Optional;

/** Sensitive values must come from {@code ${env:}} or {@code ${file:}}, not from git. */
final class LiteralSecrets {
  private LiteralSecrets() {}

  /**
   * @param raw the value as written (never printed)
   * @param severity from {@link RuleContext#literalSecret}
   */
  static Optional<Diagnostic> check(
      String raw, String pointer, SourceMap sources, Optional<Severity> severity) {
    if (raw == null || References.hasSecretSource(raw) || severity.isEmpty()) {
      return Optional.empty();
    }
    String field = SourceMap.dotted(pointer);
    if (severity.get() == Severity.WARNING) {
      return Optional.of(
          new Diagnostic(
              Severity.WARNING,
              sources.position(pointer),
              field + " is a literal secret (tolerated for the embedded emulator only)",
              "use ${env:NAME} or ${file:PATH} for real secrets"));
    }
    return Optional.of(
        Diagnostic.error(
            sources.position(pointer),
            field + " is sensitive and must be a reference, not a literal value",
            "use ${env:NAME} or ${file:PATH}"));
  }

  static void addTo(List<Diagnostic> out, Optional<Diagnostic> diagnostic) {
    diagnostic.ifPresent(out::add);
  }
}
