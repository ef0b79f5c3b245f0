package dev.flowform.manifest.validate;

import dev.flowform.diag.Diagnostic;
import dev.flowform.diag.Severity;
import dev.flowform.manifest.doc.References;
import dev.flowform.manifest.doc.SourceMap;
import java.util.List;
import java.util.Optional;

/**
 * Sensitive values must come from {@code ${env:}} or {@code ${file:}}, not from git: neither a
 * literal, nor literal text around a reference ({@code abc${env:X}} puts part of the secret in
 * git).
 */
final class LiteralSecrets {
  private LiteralSecrets() {}

  /**
   * @param raw the value as written (never printed)
   * @param severity from {@link RuleContext#literalSecret}
   */
  static Optional<Diagnostic> check(
      String raw, String pointer, SourceMap sources, Optional<Severity> severity) {
    if (raw == null || References.isSecretSourcesOnly(raw) || severity.isEmpty()) {
      return Optional.empty();
    }
    String field = SourceMap.dotted(pointer);
    boolean mixed = References.hasSecretSource(raw);
    if (severity.get() == Severity.WARNING) {
      return Optional.of(
          new Diagnostic(
              Severity.WARNING,
              sources.position(pointer),
              field
                  + (mixed ? " mixes literal text with a reference" : " is a literal secret")
                  + " (tolerated for the embedded emulator only)",
              "use ${env:NAME} or ${file:PATH} for real secrets"));
    }
    return Optional.of(
        Diagnostic.error(
            sources.position(pointer),
            mixed
                ? field
                    + " is sensitive and must be ${env:} or ${file:} references only, without"
                    + " literal text or ${var:} around them"
                : field + " is sensitive and must be a reference, not a literal value",
            mixed
                ? "put the whole secret in the variable or file"
                : "use ${env:NAME} or ${file:PATH}"));
  }

  static void addTo(List<Diagnostic> out, Optional<Diagnostic> diagnostic) {
    diagnostic.ifPresent(out::add);
  }
}
