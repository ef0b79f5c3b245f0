package dev.flowform.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --env}: the environment, for every command that works on one. */
public final class EnvOption {

  @Option(
      names = "--env",
      paramLabel = "NAME",
      description = "Environment to work on (default: $FLOWFORM_ENV, else the only one there is).")
  String env;

  /** {@code --env}, else {@code FLOWFORM_ENV}, else empty (the only environment, if one). */
  public Optional<String> env(CliContext context) {
    if (env != null && !env.isBlank()) {
      return Optional.of(env);
    }
    return Optional.ofNullable(context.env().get("FLOWFORM_ENV")).filter(s -> !s.isBlank());
  }
}
