package dev.flowform.run;

import dev.flowform.diag.Scrubber;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What one run of a command is given from the world and the command line.
 *
 * @param workDir where flowform was started; messages show paths relative to it
 * @param env the process environment (for {@code ${env:…}})
 * @param dir the manifests folder
 * @param environment the environment asked for, if any ({@code --env} or {@code FLOWFORM_ENV})
 * @param err where warnings go
 * @param trace where the {@code --verbose} HTTP trace goes, if anywhere
 * @param display shows a path as the user should see it
 * @param lockTimeout how long to wait for the state lock
 * @param who who takes the lock, e.g. {@code alice@build-7}
 * @param scrubber the run's secret filter: told every secret the run resolves, and passed every
 *     file the run writes ({@code err} and {@code trace} already go through it)
 * @param fileRoots folders beyond the project that {@code ${file:}} may read ({@code
 *     --allow-file-root})
 */
public record RunSettings(
    Path workDir,
    Map<String, String> env,
    Path dir,
    Optional<String> environment,
    PrintWriter err,
    Optional<PrintWriter> trace,
    Function<Path, String> display,
    Duration lockTimeout,
    String who,
    String version,
    Clock clock,
    Scrubber scrubber,
    List<Path> fileRoots) {

  public RunSettings {
    env = Map.copyOf(env);
    fileRoots = List.copyOf(fileRoots);
  }

  public String userAgent() {
    return "flowform/" + version;
  }
}
