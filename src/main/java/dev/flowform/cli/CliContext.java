package dev.flowform.cli;

import dev.flowform.diag.Scrubber;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Everything a command takes from the world: its streams, the process environment, the folder it
 * was started in and the clock. Passed in, never read from globals, so tests control all of it.
 *
 * @param scrubber the run's secret filter: the terminal's streams go through it once {@link
 *     #scrubbedBy} made them, and every file the run writes does too
 */
public record CliContext(
    Terminal terminal, Map<String, String> env, Path workDir, Clock clock, Scrubber scrubber) {

  public CliContext {
    env = Map.copyOf(env);
    workDir = workDir.toAbsolutePath().normalize();
  }

  public CliContext(Terminal terminal, Map<String, String> env, Path workDir, Clock clock) {
    this(terminal, env, workDir, clock, new Scrubber());
  }

  /** This context for one run: a fresh scrubber, and the terminal's streams going through it. */
  CliContext scrubbedBy(Scrubber runScrubber) {
    Terminal scrubbed =
        new Terminal(
            runScrubber.wrap(terminal.out()),
            runScrubber.wrap(terminal.err()),
            terminal.in(),
            terminal.interactive());
    return new CliContext(scrubbed, env, workDir, clock, runScrubber);
  }

  /** The path as the user should see it: relative to where flowform was started when inside it. */
  public String display(Path path) {
    Path absolute = workDir.resolve(path).toAbsolutePath().normalize();
    return absolute.startsWith(workDir)
        ? workDir.relativize(absolute).toString().replace('\\', '/')
        : absolute.toString();
  }
}
