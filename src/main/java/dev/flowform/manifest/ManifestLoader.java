package dev.flowform.manifest;

import dev.flowform.manifest.validate.BeanChecks;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads every manifest under a folder, resolves the selected environment's references, binds and
 * validates every document, and builds that environment's desired state. Every problem of the run
 * is collected in {@link LoadResult#diagnostics()}; nothing is thrown for bad input.
 */
public final class ManifestLoader {
  private final DisplayPath display;
  private final Map<String, String> env;
  private final List<Path> fileRoots;
  private final Consumer<String> secrets;
  private final BeanChecks checks = new BeanChecks();
  private final DocumentBinder binder;
  private final List<ManifestKind<?>> kinds;
  private final WarmTypes warm;

  /**
   * @param workDir where flowform was started: paths in diagnostics are shown relative to it
   * @param env the process environment, for {@code ${env:NAME}}
   */
  public ManifestLoader(Path workDir, Map<String, String> env) {
    this(workDir, env, List.of(), value -> {});
  }

  /**
   * @param fileRoots folders beyond the project (the folder holding the manifests folder) that
   *     {@code ${file:}} may read: an explicit opt-in, reported as a warning
   * @param secrets told every secret value resolved, and every value read from the environment
   *     variable or file of a secret (e.g. the run's {@code Scrubber::add})
   */
  public ManifestLoader(
      Path workDir, Map<String, String> env, List<Path> fileRoots, Consumer<String> secrets) {
    this(workDir, env, fileRoots, secrets, List.of());
  }

  /**
   * @param kinds the pipeline kinds documents may have, beside HubSpotConnection and Environment
   */
  public ManifestLoader(
      Path workDir,
      Map<String, String> env,
      List<Path> fileRoots,
      Consumer<String> secrets,
      List<ManifestKind<?>> kinds) {
    this.kinds = List.copyOf(kinds);
    this.display = new DisplayPath(workDir);
    this.env = Map.copyOf(env);
    this.fileRoots = List.copyOf(fileRoots);
    this.secrets = secrets;
    // the validator's bootstrap and the mapper's are the longest part of a load: both start on
    // other threads, and go on with what the documents' types need, while the files are read
    this.warm = new WarmTypes(this.kinds);
    checks.prepare(warm.now(), warm.later());
    this.binder = new DocumentBinder(warm.now(), warm.later());
  }

  /**
   * @param dir the manifests folder (relative paths resolve against the working folder)
   * @param environment the environment asked for; empty: the only one there is
   */
  public LoadResult load(Path dir, Optional<String> environment, Resolution resolution) {
    return report(dir, environment, resolution).result();
  }

  /** Like {@link #load}, with the document counts {@code validate} prints. */
  public LoadReport report(Path dir, Optional<String> environment, Resolution resolution) {
    Path absolute = display.absolute(dir);
    return new ManifestRun(display, binder, checks, warm, env, fileRoots, secrets, kinds)
        .run(absolute, environment, resolution);
  }
}
