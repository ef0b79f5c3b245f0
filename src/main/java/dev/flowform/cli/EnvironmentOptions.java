package dev.flowform.cli;

import dev.flowform.run.RunSettings;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Mixin;

/**
 * {@code --dir}, {@code --env} and {@code --allow-file-root}: where the manifests are and which
 * environment to work on.
 */
public final class EnvironmentOptions {
  @Mixin DirOption dir;
  @Mixin EnvOption env;
  @Mixin FileRootOption fileRoots;

  public java.nio.file.Path dir(CliContext context) {
    return dir.dir(context);
  }

  public Optional<String> env(CliContext context) {
    return env.env(context);
  }

  /** The folders {@code --allow-file-root} opened to {@code ${file:}}, resolved. */
  public java.util.List<java.nio.file.Path> fileRoots(CliContext context) {
    return fileRoots.fileRoots(context);
  }

  /** The settings of a run that calls no platform (no HTTP trace). */
  public RunSettings settings(CliContext context, Duration lockTimeout) {
    return settings(context, lockTimeout, false, env(context));
  }

  /** The settings of a run, tracing HTTP when {@code verbose}, for {@code environment}. */
  public RunSettings settings(
      CliContext context, Duration lockTimeout, boolean verbose, Optional<String> environment) {
    return Settings.of(
        context, dir.dir(context), fileRoots(context), environment, verbose, lockTimeout);
  }
}
