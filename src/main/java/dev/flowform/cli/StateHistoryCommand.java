package dev.flowform.cli;

import dev.flowform.diag.Printable;
import dev.flowform.run.StateReads;
import dev.flowform.state.StateVersion;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code flowform state history}: every kept version of the state, oldest first. */
@Command(
    name = "history",
    description = {
      "List every version of the environment's state: serial, when, who, operation, what changed.",
      "Kept for PostgreSQL state; flowform state show --serial N reads one."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  flowform state history --env prod"})
final class StateHistoryCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin EnvironmentOptions common;

  StateHistoryCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    List<StateVersion> versions = StateReads.history(common.settings(context, Duration.ZERO));
    PrintWriter out = context.terminal().out();
    out.printf("%-7s %-20s %-24s %-14s %s%n", "SERIAL", "AT", "WHO", "OPERATION", "CHANGED");
    for (StateVersion v : versions) {
      out.printf(
          "%-7d %-20s %-24s %-14s %s%n",
          v.serial(),
          v.at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
          Printable.of(v.who()),
          Printable.of(v.operation()),
          Printable.of(v.changed()));
    }
    out.flush();
    return ExitCode.OK;
  }
}
