package dev.flowform.cli;

import dev.flowform.run.RunSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Mixin;

/**
 * {@code --dir}, {@code --env}, {@code --no-color} and {@code --verbose}: for the commands that use
 * all four (plan, apply, destroy). The others take only the options they use.
 */
public final class CommonOptions {
  @Mixin EnvironmentOptions environment;
  @Mixin ColorOption color;
  @Mixin VerboseOption verbose;

  public Path dir(CliContext context) {
    return environment.dir.dir(context);
  }

  public Optional<String> env(CliContext context) {
    return environment.env(context);
  }

  public boolean color(CliContext context) {
    return color.color(context);
  }

  /** The folders {@code --allow-file-root} opened to {@code ${file:}}, resolved. */
  public List<Path> fileRoots(CliContext context) {
    return environment.fileRoots(context);
  }

  public boolean verbose() {
    return verbose.verbose();
  }

  /** Everything a run takes from the world and these options. */
  public RunSettings settings(CliContext context, Duration lockTimeout) {
    return settings(context, lockTimeout, env(context));
  }

  /** The same, for {@code environment} (a saved plan names its own). */
  public RunSettings settings(
      CliContext context, Duration lockTimeout, Optional<String> environment) {
    return environment().settings(context, lockTimeout, verbose(), environment);
  }

  private EnvironmentOptions environment() {
    return environment;
  }
}
