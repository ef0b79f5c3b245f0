package dev.flowform.cli;

import dev.flowform.run.RunSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every command takes, after its name: {@code flowform plan --env dev}. */
public final class CommonOptions {

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "Folder of manifests, read recursively (default: ${DEFAULT-VALUE}).",
      defaultValue = "manifests")
  Path dir;

  @Option(
      names = "--env",
      paramLabel = "NAME",
      description = "Environment to work on (default: $FLOWFORM_ENV, else the only one there is).")
  String env;

  @Option(names = "--no-color", description = "Plain output, no colour (also: NO_COLOR).")
  boolean noColor;

  @Option(
      names = {"-v", "--verbose"},
      description = "Trace HTTP requests (secrets redacted).")
  boolean verbose;

  @Option(
      names = "--allow-file-root",
      paramLabel = "PATH",
      description =
          "Also let $${file:} read under this folder (repeatable). By default it reads only inside"
              + " the project: the folder holding --dir.")
  List<Path> fileRoots = new ArrayList<>();

  /** The manifests folder, resolved against where flowform was started. */
  public Path dir(CliContext context) {
    return context.workDir().resolve(dir).normalize();
  }

  /** {@code --env}, else {@code FLOWFORM_ENV}, else empty (the only environment, if one). */
  public Optional<String> env(CliContext context) {
    if (env != null && !env.isBlank()) {
      return Optional.of(env);
    }
    return Optional.ofNullable(context.env().get("FLOWFORM_ENV")).filter(s -> !s.isBlank());
  }

  /** Colour only on a terminal, and never with --no-color or NO_COLOR. */
  public boolean color(CliContext context) {
    return !noColor && !context.env().containsKey("NO_COLOR") && context.terminal().interactive();
  }

  /** The folders {@code --allow-file-root} opened to {@code ${file:}}, resolved. */
  public List<Path> fileRoots(CliContext context) {
    return fileRoots.stream().map(p -> context.workDir().resolve(p).normalize()).toList();
  }

  public boolean verbose() {
    return verbose;
  }

  /** Everything a run takes from the world and these options. */
  public RunSettings settings(CliContext context, Duration lockTimeout) {
    return new RunSettings(
        context.workDir(),
        context.env(),
        dir(context),
        env(context),
        context.terminal().err(),
        verbose ? Optional.of(context.terminal().err()) : Optional.empty(),
        context::display,
        lockTimeout,
        who(context),
        Version.current(),
        context.clock(),
        context.scrubber(),
        fileRoots(context));
  }

  private static String who(CliContext context) {
    String user =
        context.env().getOrDefault("USER", context.env().getOrDefault("USERNAME", "unknown"));
    String host =
        context
            .env()
            .getOrDefault("HOSTNAME", context.env().getOrDefault("COMPUTERNAME", "localhost"));
    return user + "@" + host;
  }
}
