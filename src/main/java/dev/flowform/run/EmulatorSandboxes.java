package dev.flowform.run;

import dev.flowform.manifest.EnvironmentConfig;
import dev.flowform.manifest.LoadResult;
import dev.flowform.manifest.ManifestLoader;
import dev.flowform.manifest.Resolution;
import dev.flowform.manifest.doc.References;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The sandboxes a standalone emulator knows, learned from the manifests' environments. */
public final class EmulatorSandboxes {
  private EmulatorSandboxes() {}

  /**
   * Every sandbox the Environment manifests under {@code dir} name as written; empty when there is
   * no such folder or none names one without a reference (the emulator then accepts any sandbox).
   */
  public static Set<String> fromManifests(Path workDir, Map<String, String> env, Path dir) {
    Path folder = workDir.resolve(dir);
    if (!Files.isDirectory(folder)) {
      return Set.of();
    }
    LoadResult loaded =
        new ManifestLoader(
                workDir, env, List.of(), value -> {}, dev.flowform.registry.Kinds.all().manifests())
            .load(folder, Optional.empty(), Resolution.STRUCTURE);
    Set<String> sandboxes = new TreeSet<>();
    for (EnvironmentConfig environment : loaded.environments()) {
      if (environment.sandbox() != null && !References.hasAny(environment.sandbox())) {
        sandboxes.add(environment.sandbox());
      }
    }
    return sandboxes;
  }
}
