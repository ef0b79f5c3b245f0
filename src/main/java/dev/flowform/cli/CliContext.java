package dev.flowform.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Everything a command takes from the world: its streams, the process environment, the folder it
 * was started in and the clock. Passed in, never read from globals, so tests control all of it.
 */
public record CliContext(Terminal terminal, Map<String, String> env, Path workDir, Clock clock) {

  public CliContext {
    env = Map.copyOf(env);
    workDir = workDir.toAbsolutePath().normalize();
  }

  /** The path as the user should see it: relative to where flowform was started when inside it. */
  public String display(Path path) {
    Path absolute = workDir.resolve(path).toAbsolutePath().normalize();
    return absolute.startsWith(workDir)
        ? workDir.relativize(absolute).toString().replace('\\', '/')
        : absolute.toString();
  }
}
