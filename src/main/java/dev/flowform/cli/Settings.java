package dev.flowform.cli;

import dev.flowform.run.RunSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Everything a run takes from the world and the command line. */
final class Settings {
  private Settings() {}

  static RunSettings of(
      CliContext context,
      Path dir,
      List<Path> fileRoots,
      Optional<String> environment,
      boolean verbose,
      Duration lockTimeout) {
    return new RunSettings(
        context.workDir(),
        context.env(),
        dir,
        environment,
        context.terminal().err(),
        verbose ? Optional.of(context.terminal().err()) : Optional.empty(),
        context::display,
        lockTimeout,
        who(context),
        Version.current(),
        context.clock(),
        context.scrubber(),
        fileRoots);
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
