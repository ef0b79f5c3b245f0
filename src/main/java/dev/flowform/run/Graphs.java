package dev.flowform.run;

import dev.flowform.manifest.DesiredState;
import dev.flowform.manifest.ManifestLoader;
import dev.flowform.manifest.Resolution;
import dev.flowform.registry.Kinds;

/** {@code flowform graph}: an environment's desired resources, read offline. */
public final class Graphs {
  private Graphs() {}

  /** The environment's desired state; references that do not resolve here are kept unresolved. */
  public static DesiredState desired(RunSettings settings) {
    return new ManifestLoader(
            settings.workDir(),
            settings.env(),
            settings.fileRoots(),
            settings.scrubber()::add,
            Kinds.all().manifests())
        .load(settings.dir(), settings.environment(), Resolution.OFFLINE)
        .orThrow();
  }
}
