package dev.flowform.manifest;

import dev.flowform.diag.Diagnostic;
import dev.flowform.diag.SourcePosition;
import dev.flowform.manifest.doc.ManifestDocument;
import dev.flowform.manifest.validate.Suggestions;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Picks the environment a run is about: the one asked for, else the only one there is. */
final class EnvironmentSelector {
  private EnvironmentSelector() {}

  /**
   * @param known the names of the Environment documents, sorted
   * @param where the manifests folder, as shown
   */
  static Optional<String> select(
      Optional<String> requested,
      Set<String> known,
      Resolution resolution,
      String where,
      List<Diagnostic> problems) {
    SourcePosition at = SourcePosition.ofFile(where);
    if (requested.isPresent()) {
      String name = requested.get();
      if (known.contains(name)) {
        return requested;
      }
      String hint =
          known.isEmpty()
              ? "there is no Environment document under " + where
              : Suggestions.didYouMean(name, known).map(h -> h + " ").orElse("")
                  + "known environments: "
                  + String.join(", ", known);
      problems.add(Diagnostic.error(at, "unknown environment '" + name + "'", hint));
      return Optional.empty();
    }
    if (known.size() == 1) {
      return Optional.of(known.iterator().next());
    }
    if (resolution == Resolution.STRUCTURE) {
      return Optional.empty();
    }
    if (known.isEmpty()) {
      problems.add(
          Diagnostic.error(
              at,
              "no Environment document under " + where,
              "add one, e.g. " + where + "/environments/dev.yaml with kind: Environment"));
    } else {
      problems.add(
          Diagnostic.error(
              at,
              "several environments (" + String.join(", ", known) + "): which one?",
              "choose with --env NAME or FLOWFORM_ENV"));
    }
    return Optional.empty();
  }

  /** True when the connection applies to the environment (no list: every environment). */
  static boolean applies(ManifestDocument doc, String environment) {
    var list = doc.tree().at("/metadata/environments");
    if (list.isMissingNode() || list.isNull()) {
      return true;
    }
    if (!list.isArray()) {
      return false;
    }
    for (var item : list) {
      if (item.isTextual() && item.textValue().equals(environment)) {
        return true;
      }
    }
    return false;
  }
}
