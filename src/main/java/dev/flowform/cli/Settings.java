package dev.flowform.cli;

import dev.flowform.diag.Printable;
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
    return who(context.env(), System.getProperty("user.name"), Settings::osHost);
  }

  /**
   * {@code user@host}, from the environment, else the operating system, and the CI job where one is
   * known: {@code runner@build-7 (GitHub run 123)}, {@code root@ci (https://.../jobs/9)}. Control
   * characters are dropped: it goes into a shared lock row and history that others print.
   */
  static String who(
      java.util.Map<String, String> env,
      String osUser,
      java.util.function.Supplier<String> osHost) {
    String user = env.getOrDefault("USER", env.get("USERNAME"));
    if (user == null || user.isBlank()) {
      user = osUser == null || osUser.isBlank() ? "unknown" : osUser;
    }
    String host = env.getOrDefault("HOSTNAME", env.get("COMPUTERNAME"));
    if (host == null || host.isBlank()) {
      host = osHost.get();
    }
    String job = "";
    if (env.get("GITHUB_RUN_ID") != null) {
      job = " (GitHub run " + env.get("GITHUB_RUN_ID") + ")";
    } else if (env.get("CI_JOB_URL") != null) {
      job = " (" + env.get("CI_JOB_URL") + ")";
    }
    return Printable.of(user + "@" + host + job);
  }

  /** The machine's name: /etc/hostname, else the resolver's, else localhost. */
  private static String osHost() {
    try {
      java.nio.file.Path etc = java.nio.file.Path.of("/etc/hostname");
      if (java.nio.file.Files.isRegularFile(etc) && java.nio.file.Files.size(etc) < 256) {
        String name = java.nio.file.Files.readString(etc).strip();
        if (!name.isEmpty()) {
          return name;
        }
      }
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException | RuntimeException e) {
      return "localhost";
    }
  }
}
