package dev.flowform.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowform.catalog.CatalogFiles;
import dev.flowform.catalog.CatalogWriter;
import dev.flowform.diag.DiagnosticsException;
import dev.flowform.flowservice.Collection;
import dev.flowform.manifest.EnvironmentConfig;
import dev.flowform.manifest.LoadReport;
import dev.flowform.manifest.ManifestLoader;
import dev.flowform.manifest.Resolution;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code specs pull}: reads the platform's connection and flow specs and writes them to the
 * project's catalog ({@code specs/} beside the manifests). Only the environment is needed: the
 * other manifests may well name a connector the catalog lacks yet, which is why one pulls.
 */
public final class SpecsPull {

  /**
   * @param specs the catalog folder written
   * @param connectors how many connection specs the platform listed
   * @param flows how many flow specs it listed
   */
  public record Outcome(
      String environment, Path specs, CatalogWriter.Written written, int connectors, int flows) {}

  private SpecsPull() {}

  public static Outcome run(RunSettings settings) {
    EnvironmentConfig environment = environment(settings);
    try (Platform platform =
        Platform.open(
            environment,
            settings.userAgent(),
            settings.trace(),
            settings.clock(),
            settings.scrubber())) {
      List<JsonNode> connectors =
          platform.api().resources().list(Collection.CONNECTION_SPECS, null);
      List<JsonNode> flows = platform.api().resources().list(Collection.FLOW_SPECS, null);
      Path specs = CatalogFiles.of(settings.workDir().resolve(settings.dir()));
      return new Outcome(
          environment.name(),
          specs,
          CatalogWriter.write(specs, connectors, flows),
          connectors.size(),
          flows.size());
    }
  }

  /** The selected environment, whatever the other documents say; its own errors thrown. */
  private static EnvironmentConfig environment(RunSettings settings) {
    LoadReport report =
        new ManifestLoader(
                settings.workDir(),
                settings.env(),
                settings.fileRoots(),
                settings.scrubber()::add,
                dev.flowform.registry.Kinds.all().manifests())
            .report(settings.dir(), settings.environment(), Resolution.LENIENT_SECRETS);
    Optional<String> selected = report.selected();
    return report.result().environments().stream()
        .filter(e -> selected.isPresent() && e.name().equals(selected.get()))
        .findFirst()
        .orElseThrow(() -> new DiagnosticsException(report.result().diagnostics()));
  }
}
