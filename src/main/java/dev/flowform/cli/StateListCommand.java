package dev.flowform.cli;

import dev.flowform.run.StateReads;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code flowform state list}: one line per managed connection. */
@Command(
    name = "list",
    description = "List the connections in the environment's state: address, status, id.",
    footerHeading = "%nExamples:%n",
    footer = {"  flowform state list --env dev"})
final class StateListCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin EnvironmentOptions common;

  StateListCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    StateReads.Read read = StateReads.read(common.settings(context, Duration.ZERO));
    if (read.state().isEmpty()) {
      context.terminal().err().println("No state yet at " + read.shownAs() + ".");
      return ExitCode.OK;
    }
    read.state()
        .get()
        .resources()
        .forEach(
            (address, r) ->
                context
                    .terminal()
                    .out()
                    .printf(
                        "%-40s %-8s %s%n",
                        address,
                        r.status().name().toLowerCase(Locale.ROOT),
                        r.id() == null ? "-" : r.id()));
    return ExitCode.OK;
  }
}
