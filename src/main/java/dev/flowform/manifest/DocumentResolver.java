package dev.flowform.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowform.diag.Diagnostic;
import dev.flowform.manifest.doc.ManifestDocument;
import dev.flowform.model.HubSpotSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Decides what to resolve in a document: the selected environment (its variables first, then the
 * rest with them) and the connections that apply to it. Anything else is only syntax-checked.
 */
final class DocumentResolver {
  static final Set<String> SENSITIVE_PARAMS = Set.copyOf(HubSpotSpec.sensitivePointers());
  static final Set<String> SENSITIVE_CREDENTIALS =
      Set.of(
          "/spec/credentials/clientId",
          "/spec/credentials/clientSecret",
          "/spec/credentials/accessToken",
          "/spec/credentials/apiKey");

  /** The credentials that are secrets (the client id is also sent as the API key, in clear). */
  static final Set<String> SECRET_CREDENTIALS =
      Set.of("/spec/credentials/clientSecret", "/spec/credentials/accessToken");

  private static final String VARIABLES = "/spec/variables";

  private final Map<String, String> env;
  private final FileAccess files;
  private final SecretSources sources;
  private final Consumer<String> secrets;

  /**
   * @param files where {@code ${file:}} may read
   * @param sources what sensitive fields refer to, in every document
   * @param secrets told every value read from those sources
   */
  DocumentResolver(
      Map<String, String> env, FileAccess files, SecretSources sources, Consumer<String> secrets) {
    this.env = Map.copyOf(env);
    this.files = files;
    this.sources = sources;
    this.secrets = secrets;
  }

  private Interpolator interpolator(Map<String, String> variables, String owner) {
    return new Interpolator(env, variables, owner, files, sources, secrets);
  }

  /** A document's tree ready to bind, with what resolving it found. */
  record Resolved(
      ManifestDocument document,
      ObjectNode tree,
      Set<String> unresolved,
      List<Diagnostic> problems,
      Map<String, String> variables) {}

  /** As written: references only checked for syntax. */
  static Resolved asWritten(ManifestDocument doc) {
    TreeInterpolator.Outcome outcome = TreeInterpolator.apply(doc, null, p -> false, p -> false);
    return new Resolved(doc, outcome.tree(), Set.of(), outcome.problems(), Map.of());
  }

  Resolved environment(ManifestDocument doc, boolean lenient) {
    Interpolator plain = interpolator(Map.of(), "spec.variables (a variable cannot use another)");
    TreeInterpolator.Outcome first =
        TreeInterpolator.apply(
            doc,
            plain,
            p -> false,
            p -> !(p.equals("/spec") || p.startsWith(VARIABLES)),
            SECRET_CREDENTIALS::contains);
    Map<String, String> variables = texts(first.tree().at(VARIABLES));
    String name = doc.text("/metadata/name");
    ManifestDocument withVariables =
        new ManifestDocument(doc.file(), doc.kind(), first.tree(), doc.sources());
    TreeInterpolator.Outcome second =
        TreeInterpolator.apply(
            withVariables,
            interpolator(variables, "environment " + name),
            p -> lenient && SENSITIVE_CREDENTIALS.contains(p),
            p -> p.startsWith(VARIABLES),
            SECRET_CREDENTIALS::contains);
    List<Diagnostic> problems = new ArrayList<>(first.problems());
    problems.addAll(second.problems());
    Set<String> unresolved = new HashSet<>(first.unresolved());
    unresolved.addAll(second.unresolved());
    return new Resolved(doc, second.tree(), unresolved, problems, variables);
  }

  Resolved connection(
      ManifestDocument doc, Map<String, String> variables, String environment, boolean lenient) {
    Predicate<String> tolerated = p -> lenient && SENSITIVE_PARAMS.contains(p);
    TreeInterpolator.Outcome outcome =
        TreeInterpolator.apply(
            doc,
            interpolator(variables, "environment " + environment),
            tolerated,
            p -> false,
            SENSITIVE_PARAMS::contains);
    return new Resolved(doc, outcome.tree(), outcome.unresolved(), outcome.problems(), variables);
  }

  private static Map<String, String> texts(JsonNode variables) {
    Map<String, String> out = new TreeMap<>();
    variables
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isTextual()) {
                out.put(e.getKey(), e.getValue().textValue());
              }
            });
    return out;
  }
}
