package dev.flowform.run;

import dev.flowform.manifest.EnvironmentConfig;
import dev.flowform.manifest.LoadResult;
import dev.flowform.manifest.ManifestLoader;
import dev.flowform.manifest.Resolution;
import java.util.Optional;

/**
 * Tells the run's scrubber the secrets of the manifests, of every environment, before a file that
 * might hold one is parsed (a saved plan given to {@code apply FILE}, which names its environment
 * only once parsed): an error about that file then never shows a secret, even in its short excerpt.
 * Reads only what resolves offline; validates and reports nothing, as the run loads its environment
 * in full afterwards.
 */
final class ManifestSecrets {
  private ManifestSecrets() {}

  static void learn(RunSettings settings) {
    ManifestLoader loader =
        new ManifestLoader(
            settings.workDir(),
            settings.env(),
            settings.fileRoots(),
            settings.scrubber()::add,
            dev.flowform.registry.Kinds.all().manifests());
    LoadResult structure = loader.load(settings.dir(), Optional.empty(), Resolution.STRUCTURE);
    for (EnvironmentConfig environment : structure.environments()) {
      loader
          .load(settings.dir(), Optional.of(environment.name()), Resolution.OFFLINE)
          .desired()
          .ifPresent(desired -> RunSecrets.register(desired, settings.scrubber()));
    }
  }
}
