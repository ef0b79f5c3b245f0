package dev.flowform.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowform.diag.Diagnostic;
import dev.flowform.manifest.doc.ConnectionManifest;
import dev.flowform.manifest.doc.EnvironmentManifest;
import dev.flowform.manifest.doc.ManifestDocument;
import dev.flowform.manifest.doc.Rules;
import dev.flowform.manifest.doc.SourceMap;
import dev.flowform.manifest.validate.Suggestions;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Checks {@code apiVersion} and {@code kind}, which decide how the rest is read. */
final class Headers {
  static final List<String> KINDS =
      List.of(
          ConnectionManifest.KIND,
          dev.flowform.manifest.doc.GenericConnectionManifest.KIND,
          EnvironmentManifest.KIND);

  private Headers() {}

  /**
   * @param kinds every kind the run knows: the built-in ones and the pipeline kinds it was given
   */
  static Optional<ManifestDocument> check(
      Path file,
      ObjectNode tree,
      SourceMap sources,
      List<String> kinds,
      List<Diagnostic> problems) {
    JsonNode apiVersion = tree.get("apiVersion");
    if (apiVersion == null || apiVersion.isNull()) {
      problems.add(
          Diagnostic.error(
              sources.position(""), "apiVersion is required", "use " + Rules.API_VERSION));
    } else if (!Rules.API_VERSION.equals(apiVersion.asText()) || !apiVersion.isTextual()) {
      problems.add(
          Diagnostic.error(
              sources.position("/apiVersion"),
              "unknown apiVersion '" + apiVersion.asText() + "'",
              "use " + Rules.API_VERSION));
    }
    JsonNode kind = tree.get("kind");
    if (kind == null || kind.isNull()) {
      problems.add(
          Diagnostic.error(
              sources.position(""), "kind is required", "one of " + String.join(", ", kinds)));
      return Optional.empty();
    }
    if (!kind.isTextual() || !kinds.contains(kind.textValue())) {
      String hint =
          Suggestions.didYouMean(kind.asText(), kinds).orElse("one of " + String.join(", ", kinds));
      problems.add(
          Diagnostic.error(
              sources.position("/kind"), "unknown kind '" + kind.asText() + "'", hint));
      return Optional.empty();
    }
    return Optional.of(new ManifestDocument(file, kind.textValue(), tree, sources));
  }
}
