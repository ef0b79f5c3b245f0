package dev.flowform.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowform.diag.Diagnostic;
import dev.flowform.manifest.doc.ManifestDocument;
import dev.flowform.manifest.doc.SourceMap;
import dev.flowform.model.HubSpotSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

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

  /**
   * The selected environment's {@code spec.variables}: the values that resolved, and (offline) the
   * names of those that did not.
   */
  record Variables(Map<String, String> values, Set<String> unresolved, Set<String> allowedEnv) {
    static final Variables NONE = new Variables(Map.of(), Set.of(), Set.of());

    Variables {
      values = Map.copyOf(values);
      unresolved = Set.copyOf(unresolved);
      allowedEnv = Set.copyOf(allowedEnv);
    }
  }

  private static final String ALLOWED_ENV = "/spec/allowedEnv";

  /** The fields of an Environment that are printed: its sandbox, variables and imports. */
  private static boolean printedInEnvironment(String pointer) {
    return pointer.equals("/spec/sandbox")
        || pointer.startsWith(VARIABLES + "/")
        || pointer.startsWith("/spec/imports/");
  }

  /** The names listed in {@code spec.allowedEnv}, as written (never interpolated). */
  private static Set<String> allowedEnv(ManifestDocument doc) {
    Set<String> names = new HashSet<>();
    JsonNode listed = doc.tree().at(ALLOWED_ENV);
    if (listed.isArray()) {
      listed.forEach(
          n -> {
            if (n.isTextual()) {
              names.add(n.textValue());
            }
          });
    }
    return names;
  }

  /** A document's tree ready to bind, with what resolving it found. */
  record Resolved(
      ManifestDocument document,
      ObjectNode tree,
      Set<String> unresolved,
      List<Diagnostic> problems,
      Variables variables) {}

  /** As written: references only checked for syntax. */
  static Resolved asWritten(ManifestDocument doc) {
    TreeInterpolator.Outcome outcome =
        TreeInterpolator.apply(doc, null, Tolerance.NONE, p -> false);
    return new Resolved(doc, outcome.tree(), Set.of(), outcome.problems(), Variables.NONE);
  }

  Resolved environment(ManifestDocument doc, Resolution resolution) {
    Interpolator plain = interpolator(Map.of(), "spec.variables (a variable cannot use another)");
    String name = doc.text("/metadata/name");
    Set<String> allowed = allowedEnv(doc);
    EnvGate gate =
        new EnvGate(
            DocumentResolver::printedInEnvironment,
            allowed,
            sources,
            String.valueOf(name),
            SECRET_CREDENTIALS);
    TreeInterpolator.Outcome first =
        TreeInterpolator.apply(
            doc,
            plain,
            tolerance(resolution, Set.of(), Set.of()),
            p -> !(p.equals("/spec") || p.startsWith(VARIABLES)),
            SECRET_CREDENTIALS::contains,
            gate);
    Variables variables = variables(first, allowed);
    ManifestDocument withVariables =
        new ManifestDocument(doc.file(), doc.kind(), first.tree(), doc.sources());
    TreeInterpolator.Outcome second =
        TreeInterpolator.apply(
            withVariables,
            interpolator(variables.values(), "environment " + name),
            tolerance(resolution, SENSITIVE_CREDENTIALS, variables.unresolved()),
            p -> p.startsWith(VARIABLES) || p.startsWith(ALLOWED_ENV),
            SECRET_CREDENTIALS::contains,
            gate);
    List<Diagnostic> problems = new ArrayList<>(first.problems());
    problems.addAll(second.problems());
    Set<String> unresolved = new HashSet<>(first.unresolved());
    unresolved.addAll(second.unresolved());
    return new Resolved(doc, second.tree(), unresolved, problems, variables);
  }

  Resolved connection(
      ManifestDocument doc, Variables variables, String environment, Resolution resolution) {
    return connection(doc, variables, environment, resolution, SENSITIVE_PARAMS);
  }

  /**
   * @param sensitive the pointers of the document's secrets (a Connection's, from its connector's
   *     spec)
   */
  Resolved connection(
      ManifestDocument doc,
      Variables variables,
      String environment,
      Resolution resolution,
      Set<String> sensitive) {
    TreeInterpolator.Outcome outcome =
        TreeInterpolator.apply(
            doc,
            interpolator(variables.values(), "environment " + environment),
            tolerance(resolution, sensitive, variables.unresolved()),
            p -> false,
            sensitive::contains,
            new EnvGate(
                p -> !sensitive.contains(p),
                variables.allowedEnv(),
                sources,
                environment,
                sensitive));
    return new Resolved(doc, outcome.tree(), outcome.unresolved(), outcome.problems(), variables);
  }

  private static Tolerance tolerance(
      Resolution resolution, Set<String> sensitive, Set<String> unresolvedVariables) {
    return switch (resolution) {
      case STRUCTURE, STRICT -> Tolerance.NONE;
      case LENIENT_SECRETS -> Tolerance.sensitive(sensitive);
      case OFFLINE -> Tolerance.offline(unresolvedVariables);
    };
  }

  /** The variables as the first pass left them; offline, those that did not resolve apart. */
  private static Variables variables(TreeInterpolator.Outcome first, Set<String> allowedEnv) {
    Map<String, String> values = texts(first.tree().at(VARIABLES));
    Set<String> unresolved = new HashSet<>();
    for (String pointer : first.unresolved()) {
      String name = SourceMap.unescape(pointer.substring(VARIABLES.length() + 1));
      values.remove(name);
      unresolved.add(name);
    }
    return new Variables(values, unresolved, allowedEnv);
  }

  private static Map<String, String> texts(JsonNode variables) {
    Map<String, String> out = new TreeMap<>();
    variables
        .properties()
        .forEach(
            e -> {
              if (e.getValue().isTextual()) {
                out.put(e.getKey(), e.getValue().textValue());
              }
            });
    return out;
  }
}
