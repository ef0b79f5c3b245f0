package dev.flowform.cli;

import dev.flowform.apply.ApplyOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --parallelism N}, checked while the command line is read, before anything runs. */
public final class ParallelismOption {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  private int parallelism = ApplyOptions.DEFAULT_PARALLELISM;

  @Option(
      names = "--parallelism",
      paramLabel = "N",
      defaultValue = "" + ApplyOptions.DEFAULT_PARALLELISM,
      description = "At most N requests at once, 1 or more (default: ${DEFAULT-VALUE}).")
  void parallelism(int value) {
    if (value < 1) {
      throw new ParameterException(
          spec.commandLine(), "--parallelism must be at least 1, was " + value);
    }
    parallelism = value;
  }

  public int value() {
    return parallelism;
  }
}
