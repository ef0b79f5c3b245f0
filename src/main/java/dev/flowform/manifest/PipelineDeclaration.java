package dev.flowform.manifest;

import dev.flowform.catalog.Catalog;
import dev.flowform.catalog.ConnectorSpec;
import dev.flowform.diag.Diagnostic;
import dev.flowform.manifest.doc.GenericConnectionManifest;
import dev.flowform.manifest.doc.ManifestDocument;
import dev.flowform.manifest.validate.Connectors;
import dev.flowform.manifest.validate.SchemaParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The pipeline documents of one run: bound kind by kind, checked as a graph with the connections,
 * decided with the catalog (a dataflow's flow spec) and checked across resources. Adds every
 * problem to the run's.
 */
final class PipelineDeclaration {
  private final DocumentPipeline pipeline;
  private final List<ManifestKind<?>> kinds;
  private final List<Diagnostic> problems;

  PipelineDeclaration(
      DocumentPipeline pipeline, List<ManifestKind<?>> kinds, List<Diagnostic> problems) {
    this.pipeline = pipeline;
    this.kinds = List.copyOf(kinds);
    this.problems = problems;
  }

  /**
   * Binds the documents of every pipeline kind, checks the graph they make with the connections,
   * and returns those that apply to the selected environment, their references resolved.
   */
  List<KindDocuments.Declared> declare(
      List<ManifestDocument> documents,
      List<ManifestDocument> connectionDocs,
      DocumentResolver resolver,
      DocumentResolver.Variables variables,
      Optional<String> selected,
      Resolution resolution,
      Set<String> known,
      Supplier<Catalog> specs) {
    boolean resolving = resolution != Resolution.STRUCTURE;
    List<KindDocuments.Declared> declared = new ArrayList<>();
    Map<String, ManifestKind<?>> byKind = new LinkedHashMap<>();
    for (ManifestKind<?> kind : kinds) {
      byKind.put(kind.kind(), kind);
      List<ManifestDocument> ofKind =
          documents.stream().filter(d -> d.kind().equals(kind.kind())).toList();
      declared.addAll(
          declareKind(
              kind,
              ofKind,
              doc -> resolving && EnvironmentSelector.applies(doc, selected.orElse(null)),
              doc ->
                  resolver.connection(doc, variables, selected.orElse(""), resolution, Set.of())));
    }
    if (declared.isEmpty()) {
      return List.of(); // no pipeline document: the graph of the connections alone has no rule
    }
    Catalog catalog = specs.get();
    Map<String, ConnectorSpec> connectors = connectors(connectionDocs, catalog);
    SchemaParams schemas = new SchemaParams();
    List<GraphRules.Node> connections = new ArrayList<>();
    for (ManifestDocument doc : connectionDocs) {
      String name = doc.text("/metadata/name");
      if (name != null) {
        connections.add(new GraphRules.Node(doc.kind(), name, name, GraphRules.environments(doc)));
      }
    }
    GraphRules graph = new GraphRules(connections, selected.map(Set::of).orElse(known));
    List<KindDocuments.Declared> resolved = graph.check(declared);
    problems.addAll(graph.problems());
    List<KindDocuments.Declared> applying =
        resolved.stream()
            .filter(
                d ->
                    selected.isEmpty() || EnvironmentSelector.applies(d.document(), selected.get()))
            .toList();
    Map<String, DesiredResource> declaredAt = new LinkedHashMap<>();
    applying.forEach(d -> declaredAt.put(d.resource().address(), d.resource()));
    List<KindDocuments.Declared> decided =
        decide(applying, new ConnectionSpecAt(connectors, declaredAt, byKind), byKind, catalog);
    Map<String, DesiredResource> byAddress = new LinkedHashMap<>();
    decided.forEach(d -> byAddress.put(d.resource().address(), d.resource()));
    Map<String, DesiredResource> byName = new LinkedHashMap<>();
    for (KindDocuments.Declared d : decided) {
      DesiredResource r = d.resource();
      if (d.resolved() && r.name() != null) {
        DesiredResource other = byName.putIfAbsent(r.kind() + "\u0000" + r.name(), r);
        if (other != null && selected.isPresent()) {
          problems.add(
              Diagnostic.error(
                  r.position(),
                  r.kind()
                      + " name \""
                      + r.name()
                      + "\" is also the name of "
                      + other.address()
                      + " in environment "
                      + selected.get(),
                  "AEP names are unique per kind and sandbox: rename one"));
        }
      }
      if (d.resolved()) {
        problems.addAll(
            byKind
                .get(r.kind())
                .crossCheck(r, address -> Optional.ofNullable(byAddress.get(address))));
        problems.addAll(
            byKind
                .get(r.kind())
                .checkParams(
                    d.document(),
                    r,
                    address -> Optional.ofNullable(connectors.get(address)),
                    schemas));
      }
    }
    return decided;
  }

  /** The resolved resources with what the catalog decides for them (a dataflow's flow spec). */
  private List<KindDocuments.Declared> decide(
      List<KindDocuments.Declared> declared,
      ConnectionSpecAt specAt,
      Map<String, ManifestKind<?>> byKind,
      Catalog catalog) {
    List<KindDocuments.Declared> out = new ArrayList<>();
    for (KindDocuments.Declared d : declared) {
      if (!d.resolved()) {
        out.add(d);
        continue;
      }
      Decided one = byKind.get(d.resource().kind()).decide(d.resource(), specAt, catalog);
      problems.addAll(one.problems());
      out.add(new KindDocuments.Declared(d.document(), one.resource(), true));
    }
    return out;
  }

  /**
   * The documents of one pipeline kind, bound and checked, as the graph sees them: with their
   * desired resources whether or not their references were resolved (the graph rules need every
   * document's references; the desired state takes only the resolved ones).
   */
  private <T> List<KindDocuments.Declared> declareKind(
      ManifestKind<T> kind,
      List<ManifestDocument> documents,
      Predicate<ManifestDocument> resolves,
      Function<ManifestDocument, DocumentResolver.Resolved> resolve) {
    return pipeline
        .bindAll(documents, kind.type(), resolves, resolve, kind::check, problems)
        .stream()
        .map(b -> new KindDocuments.Declared(b.document(), kind.desired(b), b.resolved()))
        .toList();
  }

  /** The connector of each connection document, by address, where the catalog knows it. */
  private static Map<String, ConnectorSpec> connectors(
      List<ManifestDocument> connectionDocs, Catalog catalog) {
    Map<String, ConnectorSpec> out = new LinkedHashMap<>();
    for (ManifestDocument doc : connectionDocs) {
      String name = doc.text("/metadata/name");
      Optional<ConnectorSpec> connector =
          doc.kind().equals(GenericConnectionManifest.KIND)
              ? Connectors.connector(doc, catalog)
              : catalog.connectorById(
                  Optional.ofNullable(doc.text("/spec/connectionSpec/id"))
                      .orElse(dev.flowform.model.ConnectionSpecRef.HUBSPOT_ID));
      if (name != null) {
        connector.ifPresent(c -> out.putIfAbsent(name, c));
      }
    }
    return out;
  }
}
