package dev.flowform.manifest;

import dev.flowform.catalog.Catalog;
import dev.flowform.catalog.CatalogFiles;
import dev.flowform.catalog.ConnectorSpec;
import dev.flowform.diag.Diagnostic;
import dev.flowform.diag.Diagnostics;
import dev.flowform.diag.SourcePosition;
import dev.flowform.manifest.doc.Bound;
import dev.flowform.manifest.doc.ConnectionManifest;
import dev.flowform.manifest.doc.EnvironmentManifest;
import dev.flowform.manifest.doc.GenericConnectionManifest;
import dev.flowform.manifest.doc.ManifestDocument;
import dev.flowform.manifest.validate.BeanChecks;
import dev.flowform.manifest.validate.ConnectionRules;
import dev.flowform.manifest.validate.ConnectorRules;
import dev.flowform.manifest.validate.Connectors;
import dev.flowform.manifest.validate.CrossDocumentRules;
import dev.flowform.manifest.validate.EnvironmentRules;
import dev.flowform.manifest.validate.RuleContext;
import dev.flowform.manifest.validate.SchemaParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/** One load: read, select the environment, interpolate, bind, validate, build. */
final class ManifestRun {
  private final DisplayPath display;
  private final DocumentPipeline pipeline;
  private final Map<String, String> env;
  private final List<Path> fileRoots;
  private final Consumer<String> secrets;
  private final List<ManifestKind<?>> kinds;
  private final List<Diagnostic> problems = new ArrayList<>();

  /**
   * @param fileRoots folders beyond the project that {@code ${file:}} may read
   * @param secrets told every secret value resolved
   */
  ManifestRun(
      DisplayPath display,
      DocumentBinder binder,
      BeanChecks checks,
      Map<String, String> env,
      List<Path> fileRoots,
      Consumer<String> secrets,
      List<ManifestKind<?>> kinds) {
    this.display = display;
    this.kinds = List.copyOf(kinds);
    this.pipeline = new DocumentPipeline(binder, checks);
    checks.prepare();
    this.env = Map.copyOf(env);
    this.fileRoots = List.copyOf(fileRoots);
    this.secrets = secrets;
  }

  LoadReport run(Path dir, Optional<String> requested, Resolution resolution) {
    String where = display.of(dir);
    if (!Files.isDirectory(dir)) {
      problems.add(
          Diagnostic.error(
              SourcePosition.ofFile(where),
              "manifests folder " + where + " not found",
              "give another with --dir"));
      return report(
          List.of(),
          List.of(),
          List.of(),
          Catalog.builtIn(),
          List.of(),
          new int[] {0, 0},
          Optional.empty(),
          dir,
          false);
    }
    ManifestFiles.Listing listing = ManifestFiles.under(dir, display);
    if (!listing.problems().isEmpty()) {
      problems.addAll(listing.problems()); // and nothing else: a missing part skews the rest
      return report(
          List.of(),
          List.of(),
          List.of(),
          Catalog.builtIn(),
          List.of(),
          new int[] {0, 0},
          Optional.empty(),
          dir,
          false);
    }
    List<ManifestDocument> documents = read(listing.files());
    List<ManifestDocument> genericDocs =
        documents.stream().filter(d -> d.kind().equals(GenericConnectionManifest.KIND)).toList();
    Catalog catalog = Catalog.builtIn();
    if (!genericDocs.isEmpty() || pipelineCount(documents) > 0) {
      CatalogFiles.Read read = CatalogFiles.read(CatalogFiles.of(dir), display::of);
      problems.addAll(read.problems());
      catalog = read.catalog();
    }
    Catalog specs = catalog;
    FileAccess files = FileAccess.forManifests(dir, fileRoots);
    files
        .extraRoots()
        .forEach(
            root ->
                problems.add(
                    Diagnostic.warning(
                        SourcePosition.ofFile(display.of(root)),
                        "${file:} may read in this folder, outside the project"
                            + " (--allow-file-root)")));
    DocumentResolver resolver =
        new DocumentResolver(
            env,
            files,
            SecretSources.of(
                documents,
                doc ->
                    doc.kind().equals(GenericConnectionManifest.KIND)
                        ? Connectors.sensitivePointers(doc, specs)
                        : Set.of()),
            secrets);
    List<ManifestDocument> environmentDocs =
        documents.stream().filter(d -> d.kind().equals(EnvironmentManifest.KIND)).toList();
    List<ManifestDocument> connectionDocs =
        documents.stream().filter(d -> d.kind().equals(ConnectionManifest.KIND)).toList();
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
    Predicate<ManifestDocument> resolves = doc -> resolving && applies(doc, selected.orElse(null));
    List<Bound<ConnectionManifest>> connections =
        bindAll(
            connectionDocs,
            ConnectionManifest.class,
            resolves,
            doc -> resolver.connection(doc, selectedVariables, selected.orElse(""), resolution),
            bound -> ConnectionRules.check(bound, context));
    ConnectorRules connectorRules = new ConnectorRules(specs, new SchemaParams());
    List<Bound<GenericConnectionManifest>> generic =
        bindAll(
            genericDocs,
            GenericConnectionManifest.class,
            resolves,
            doc ->
                resolver.connection(
                    doc,
                    selectedVariables,
                    selected.orElse(""),
                    resolution,
                    Connectors.sensitivePointers(doc, specs)),
            bound -> connectorRules.check(bound, context));
    List<Bound<ConnectionManifest>> allConnections = new ArrayList<>(connections);
    generic.forEach(
        b ->
            allConnections.add(
                new Bound<>(
                    b.document(), b.manifest().asConnection(), b.resolved(), b.unresolved())));

    problems.addAll(CrossDocumentRules.check(allConnections, environments, context));
    List<KindDocuments.Declared> pipeline =
        pipeline(
            documents,
            concat(connectionDocs, genericDocs),
            resolver,
            selectedVariables,
            selected,
            resolving ? resolution : Resolution.STRUCTURE,
            known,
            specs);
    if (resolving) {
      problems.addAll(PipelineImports.check(environments, selected, pipeline));
    }
    int[] counts = {
      connectionDocs.size() + genericDocs.size(), environmentDocs.size(), pipelineCount(documents)
    };
    return report(
        environments,
        connections,
        generic,
        specs,
        pipeline,
        counts,
        selected.filter(s -> resolving),
        dir,
        resolving);
  }

  /**
   * Binds and checks the documents of one kind in parallel (those {@code resolves} accepts with
   * their references resolved, the others as written), adding every problem to the run's.
   */
  private <T> List<Bound<T>> bindAll(
      List<ManifestDocument> documents,
      Class<T> type,
      Predicate<ManifestDocument> resolves,
      Function<ManifestDocument, DocumentResolver.Resolved> resolve,
      Function<Bound<T>, List<Diagnostic>> rules) {
    List<DocumentPipeline.Checked<T>> checked =
        documents.parallelStream()
            .map(
                doc -> {
                  boolean resolving = resolves.test(doc);
                  DocumentResolver.Resolved resolved =
                      resolving ? resolve.apply(doc) : DocumentResolver.asWritten(doc);
                  return pipeline.bind(resolved, type, resolving, rules);
                })
            .toList();
    List<Bound<T>> bound = new ArrayList<>();
    for (DocumentPipeline.Checked<T> one : checked) {
      problems.addAll(one.problems());
      one.bound().ifPresent(bound::add);
    }
    return bound;
  }

  /**
   * The documents of one pipeline kind, bound and checked, as the graph sees them: with their
   * desired resources whether or not their references were resolved (the graph rules need every
   * document's references; the desired state takes only the resolved ones).
   */
  private <T> List<KindDocuments.Declared> declare(
      ManifestKind<T> kind,
      List<ManifestDocument> documents,
      Predicate<ManifestDocument> resolves,
      Function<ManifestDocument, DocumentResolver.Resolved> resolve) {
    return bindAll(documents, kind.type(), resolves, resolve, kind::check).stream()
        .map(b -> new KindDocuments.Declared(b.document(), kind.desired(b), b.resolved()))
        .toList();
  }

  private int pipelineCount(List<ManifestDocument> documents) {
    Set<String> names = new TreeSet<>();
    kinds.forEach(k -> names.add(k.kind()));
    return (int) documents.stream().filter(d -> names.contains(d.kind())).count();
  }

  /**
   * Binds the documents of every pipeline kind, checks the graph they make with the connections,
   * and returns those that apply to the selected environment, their references resolved.
   */
  private List<KindDocuments.Declared> pipeline(
      List<ManifestDocument> documents,
      List<ManifestDocument> connectionDocs,
      DocumentResolver resolver,
      DocumentResolver.Variables variables,
      Optional<String> selected,
      Resolution resolution,
      Set<String> known,
      Catalog catalog) {
    boolean resolving = resolution != Resolution.STRUCTURE;
    List<KindDocuments.Declared> declared = new ArrayList<>();
    Map<String, ManifestKind<?>> byKind = new LinkedHashMap<>();
    for (ManifestKind<?> kind : kinds) {
      byKind.put(kind.kind(), kind);
      List<ManifestDocument> ofKind =
          documents.stream().filter(d -> d.kind().equals(kind.kind())).toList();
      declared.addAll(
          declare(
              kind,
              ofKind,
              doc -> resolving && applies(doc, selected.orElse(null)),
              doc ->
                  resolver.connection(doc, variables, selected.orElse(""), resolution, Set.of())));
    }
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
            .filter(d -> selected.isEmpty() || applies(d.document(), selected.get()))
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

  /** Reads the files in parallel (each with its own reader), keeping their sorted order. */
  private List<ManifestDocument> read(List<Path> files) {
    List<String> known = new ArrayList<>(Headers.KINDS);
    kinds.forEach(k -> known.add(k.kind()));
    YamlReader reader = new YamlReader(display, known);
    List<FileRead> reads =
        files.parallelStream()
            .map(
                file -> {
                  List<Diagnostic> found = new ArrayList<>();
                  return new FileRead(reader.read(file, found), found);
                })
            .toList();
    List<ManifestDocument> documents = new ArrayList<>();
    for (FileRead read : reads) {
      documents.addAll(read.documents());
      problems.addAll(read.problems());
    }
    return documents;
  }

  private record FileRead(List<ManifestDocument> documents, List<Diagnostic> problems) {}

  /** True when the connection applies to the environment (no list: every environment). */
  private static boolean applies(ManifestDocument doc, String environment) {
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

  private static List<ManifestDocument> concat(
      List<ManifestDocument> first, List<ManifestDocument> second) {
    List<ManifestDocument> out = new ArrayList<>(first);
    out.addAll(second);
    return out;
  }

  private LoadReport report(
      List<Bound<EnvironmentManifest>> environments,
      List<Bound<ConnectionManifest>> connections,
      List<Bound<GenericConnectionManifest>> generic,
      Catalog catalog,
      List<KindDocuments.Declared> pipeline,
      int[] counts,
      Optional<String> selected,
      Path dir,
      boolean resolving) {
    Diagnostics diagnostics = new Diagnostics(problems);
    List<EnvironmentConfig> configs =
        environments.stream().map(b -> EnvironmentConfigs.of(b, dir, env)).toList();
    configs.forEach(c -> PostgresPasswords.of(c.state()).ifPresent(secrets));
    Optional<DesiredState> desired = Optional.empty();
    if (resolving && !diagnostics.hasErrors()) {
      EnvironmentConfig environment =
          configs.stream().filter(c -> c.name().equals(selected.get())).findFirst().orElseThrow();
      List<DesiredConnection> wanted =
          new ArrayList<>(
              connections.stream().filter(Bound::resolved).map(DesiredConnections::of).toList());
      generic.stream()
          .filter(Bound::resolved)
          .forEach(
              b ->
                  wanted.add(
                      GenericConnections.of(
                          b,
                          Connectors.connector(b.document(), catalog).orElseThrow(),
                          Connectors.authSpec(b.document(), catalog).orElseThrow())));
      List<DesiredResource> resources =
          pipeline.stream()
              .filter(KindDocuments.Declared::resolved)
              .map(KindDocuments.Declared::resource)
              .toList();
      desired =
          Optional.of(
              DesiredState.of(
                  environment,
                  wanted,
                  new ManifestDigest().of(wanted, environment.imports(), resources),
                  resources));
    }
    return new LoadReport(
        new LoadResult(diagnostics, configs, desired),
        counts[0],
        counts.length > 2 ? counts[2] : 0,
        counts[1],
        selected);
  }
}
