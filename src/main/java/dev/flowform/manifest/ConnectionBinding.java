package dev.flowform.manifest;

import dev.flowform.catalog.Catalog;
import dev.flowform.diag.Diagnostic;
import dev.flowform.manifest.doc.Bound;
import dev.flowform.manifest.doc.ConnectionManifest;
import dev.flowform.manifest.doc.EnvironmentManifest;
import dev.flowform.manifest.doc.GenericConnectionManifest;
import dev.flowform.manifest.doc.ManifestDocument;
import dev.flowform.manifest.validate.ConnectionRules;
import dev.flowform.manifest.validate.ConnectorRules;
import dev.flowform.manifest.validate.Connectors;
import dev.flowform.manifest.validate.CrossDocumentRules;
import dev.flowform.manifest.validate.EnvironmentRules;
import dev.flowform.manifest.validate.RuleContext;
import dev.flowform.manifest.validate.SchemaParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Selects the run's environment and binds the Environment and connection documents: the selected
 * environment's and the connections that apply to it with their references resolved, the others as
 * written; then checks them across documents. Adds every problem to the run's.
 */
final class ConnectionBinding {
  private final DocumentPipeline pipeline;
  private final Map<String, String> env;
  private final List<Diagnostic> problems;

  ConnectionBinding(DocumentPipeline pipeline, Map<String, String> env, List<Diagnostic> problems) {
    this.pipeline = pipeline;
    this.env = env;
    this.problems = problems;
  }

  /**
   * What the binding found.
   *
   * @param known the names of the Environment documents, sorted
   * @param resolving true when references were resolved (an environment is selected, and the run
   *     asked for more than the structure)
   * @param variables the selected environment's variables
   */
  record Outcome(
      Set<String> known,
      Optional<String> selected,
      boolean resolving,
      DocumentResolver.Variables variables,
      List<Bound<EnvironmentManifest>> environments,
      List<Bound<ConnectionManifest>> connections,
      List<Bound<GenericConnectionManifest>> generic) {}

  /**
   * @param where the manifests folder, as shown
   */
  Outcome bind(
      List<ManifestDocument> environmentDocs,
      List<ManifestDocument> connectionDocs,
      List<ManifestDocument> genericDocs,
      DocumentResolver resolver,
      Supplier<Catalog> specs,
      Optional<String> requested,
      Resolution resolution,
      String where) {
    Set<String> known = new TreeSet<>();
    environmentDocs.forEach(
        d -> Optional.ofNullable(d.text("/metadata/name")).ifPresent(known::add));
    Optional<String> selected =
        EnvironmentSelector.select(requested, known, resolution, where, problems);
    boolean resolving = resolution != Resolution.STRUCTURE && selected.isPresent();

    List<Bound<EnvironmentManifest>> environments = new ArrayList<>();
    DocumentResolver.Variables variables = DocumentResolver.Variables.NONE;
    for (ManifestDocument doc : environmentDocs) {
      boolean isSelected =
          selected.isPresent() && selected.get().equals(doc.text("/metadata/name"));
      DocumentResolver.Resolved resolved =
          resolving && isSelected
              ? resolver.environment(doc, resolution)
              : DocumentResolver.asWritten(doc);
      if (resolving && isSelected) {
        variables = resolved.variables();
      }
      DocumentPipeline.Checked<EnvironmentManifest> checked =
          pipeline.bind(
              resolved, EnvironmentManifest.class, resolving && isSelected, b -> List.of());
      problems.addAll(checked.problems());
      checked.bound().ifPresent(environments::add);
    }
    Map<String, Boolean> embedded = new LinkedHashMap<>();
    known.forEach(name -> embedded.put(name, false));
    environments.forEach(
        b -> embedded.put(b.manifest().metadata().name(), EnvironmentRules.embedded(b.manifest())));
    RuleContext context = new RuleContext(selected, embedded, env);
    environments.forEach(b -> problems.addAll(EnvironmentRules.check(b, context)));
    DocumentResolver.Variables selectedVariables = variables;
    Predicate<ManifestDocument> resolves =
        doc -> resolving && EnvironmentSelector.applies(doc, selected.orElse(null));
    List<Bound<ConnectionManifest>> connections =
        pipeline.bindAll(
            connectionDocs,
            ConnectionManifest.class,
            resolves,
            doc -> resolver.connection(doc, selectedVariables, selected.orElse(""), resolution),
            bound -> ConnectionRules.check(bound, context),
            problems);
    SchemaParams schemas = new SchemaParams();
    List<Bound<GenericConnectionManifest>> generic =
        pipeline.bindAll(
            genericDocs,
            GenericConnectionManifest.class,
            resolves,
            doc ->
                resolver.connection(
                    doc,
                    selectedVariables,
                    selected.orElse(""),
                    resolution,
                    Connectors.sensitivePointers(doc, specs.get())),
            bound -> new ConnectorRules(specs.get(), schemas).check(bound, context),
            problems);
    List<Bound<ConnectionManifest>> allConnections = new ArrayList<>(connections);
    generic.forEach(
        b ->
            allConnections.add(
                new Bound<>(
                    b.document(), b.manifest().asConnection(), b.resolved(), b.unresolved())));

    problems.addAll(CrossDocumentRules.check(allConnections, environments, context));
    return new Outcome(
        known, selected, resolving, selectedVariables, environments, connections, generic);
  }
}
