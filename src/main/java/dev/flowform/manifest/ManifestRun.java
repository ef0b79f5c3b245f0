package dev.flowform.manifest;

import dev.flowform.catalog.Catalog;
import dev.flowform.catalog.CatalogFiles;
import dev.flowform.diag.Diagnostic;
import dev.flowform.diag.Diagnostics;
import dev.flowform.diag.SourcePosition;
import dev.flowform.manifest.doc.Bound;
import dev.flowform.manifest.doc.ConnectionManifest;
import dev.flowform.manifest.doc.EnvironmentManifest;
import dev.flowform.manifest.doc.GenericConnectionManifest;
import dev.flowform.manifest.doc.ManifestDocument;
import dev.flowform.manifest.validate.BeanChecks;
import dev.flowform.manifest.validate.Connectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** One load: read, select the environment, interpolate, bind, validate, build. */
final class ManifestRun {
  private final DisplayPath display;
  private final DocumentPipeline pipeline;
  private final Map<String, String> env;
  private final List<Path> fileRoots;
  private final Consumer<String> secrets;
  private final List<ManifestKind<?>> kinds;
  private final List<Diagnostic> problems = new ArrayList<>();
  private final WarmTypes warm;

  /**
   * @param fileRoots folders beyond the project that {@code ${file:}} may read
   * @param secrets told every secret value resolved
   */
  ManifestRun(
      DisplayPath display,
      DocumentBinder binder,
      BeanChecks checks,
      WarmTypes warm,
      Map<String, String> env,
      List<Path> fileRoots,
      Consumer<String> secrets,
      List<ManifestKind<?>> kinds) {
    this.display = display;
    this.kinds = List.copyOf(kinds);
    this.pipeline = new DocumentPipeline(binder, checks);
    this.warm = warm;
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
          Catalog::builtIn,
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
          Catalog::builtIn,
          List.of(),
          new int[] {0, 0},
          Optional.empty(),
          dir,
          false);
    }
    List<ManifestDocument> documents =
        ManifestReads.read(display, kinds, listing.files(), problems);
    warm.present(documents.stream().map(ManifestDocument::kind).collect(Collectors.toSet()));
    List<ManifestDocument> genericDocs =
        documents.stream().filter(d -> d.kind().equals(GenericConnectionManifest.KIND)).toList();
    Supplier<Catalog> specs = specs(dir, !genericDocs.isEmpty() || pipelineCount(documents) > 0);
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
                        ? Connectors.sensitivePointers(doc, specs.get())
                        : Set.of()),
            secrets);
    List<ManifestDocument> environmentDocs =
        documents.stream().filter(d -> d.kind().equals(EnvironmentManifest.KIND)).toList();
    List<ManifestDocument> connectionDocs =
        documents.stream().filter(d -> d.kind().equals(ConnectionManifest.KIND)).toList();
    ConnectionBinding.Outcome bound =
        new ConnectionBinding(pipeline, env, problems)
            .bind(
                environmentDocs,
                connectionDocs,
                genericDocs,
                resolver,
                specs,
                requested,
                resolution,
                where);
    Optional<String> selected = bound.selected();
    boolean resolving = bound.resolving();
    List<Bound<EnvironmentManifest>> environments = bound.environments();
    List<KindDocuments.Declared> declared =
        new PipelineDeclaration(pipeline, kinds, problems)
            .declare(
                documents,
                concat(connectionDocs, genericDocs),
                resolver,
                bound.variables(),
                selected,
                resolving ? resolution : Resolution.STRUCTURE,
                bound.known(),
                specs);
    if (resolving) {
      problems.addAll(PipelineImports.check(environments, selected, declared));
    }
    int[] counts = {
      connectionDocs.size() + genericDocs.size(), environmentDocs.size(), pipelineCount(documents)
    };
    return report(
        environments,
        bound.connections(),
        bound.generic(),
        specs,
        declared,
        counts,
        selected.filter(s -> resolving),
        dir,
        resolving);
  }

  /**
   * The connector and flow specs: the project's over the built-in ones, read (their problems added)
   * when Connection or pipeline documents need them. Only those documents ever ask; without them,
   * not even the built-in specs (JSON, parsed by a mapper of their own) are read.
   */
  private Supplier<Catalog> specs(Path dir, boolean needed) {
    if (!needed) {
      return Catalog::builtIn;
    }
    CatalogFiles.Read read = CatalogFiles.read(CatalogFiles.of(dir), display::of);
    problems.addAll(read.problems());
    Catalog catalog = read.catalog();
    return () -> catalog;
  }

  private int pipelineCount(List<ManifestDocument> documents) {
    Set<String> names = new TreeSet<>();
    kinds.forEach(k -> names.add(k.kind()));
    return (int) documents.stream().filter(d -> names.contains(d.kind())).count();
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
      Supplier<Catalog> catalog,
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
                          Connectors.connector(b.document(), catalog.get()).orElseThrow(),
                          Connectors.authSpec(b.document(), catalog.get()).orElseThrow())));
      List<DesiredResource> resources =
          pipeline.stream()
              .filter(KindDocuments.Declared::resolved)
              .map(KindDocuments.Declared::resource)
              .toList();
      List<DesiredConnection> digested = List.copyOf(wanted);
      List<DeclaredImport> imports = List.copyOf(environment.imports());
      desired =
          Optional.of(
              DesiredState.of(
                  environment,
                  wanted,
                  DesiredState.Digest.later(
                      () -> new ManifestDigest().of(digested, imports, resources)),
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
