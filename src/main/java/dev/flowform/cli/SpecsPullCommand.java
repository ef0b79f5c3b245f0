package dev.flowform.cli;

import dev.flowform.run.SpecsPull;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code flowform specs pull}: the platform's connection and flow specs into specs/. */
@Command(
    name = "pull",
    description = {
      "Read the platform's connection specs and flow specs and write them, trimmed to what",
      "validation needs and sorted, to specs/ beside the manifests (one file per spec).",
      "Files change only when a spec did: commit them and review a pull as a diff."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  flowform specs pull --env dev"})
final class SpecsPullCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin EnvironmentOptions common;
  @Mixin VerboseOption verbose;

  SpecsPullCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    PrintWriter out = context.terminal().out();
    SpecsPull.Outcome outcome =
        SpecsPull.run(
            common.settings(context, Duration.ZERO, verbose.verbose(), common.env(context)));
    String where = context.display(outcome.specs());
    outcome.written().written().forEach(f -> out.printf("  wrote %s/%s%n", where, f));
    outcome.written().removed().forEach(f -> out.printf("  removed %s/%s%n", where, f));
    out.printf(
        "%d connection specs and %d flow specs from environment \"%s\": %s%n",
        outcome.connectors(),
        outcome.flows(),
        outcome.environment(),
        outcome.written().changedAnything()
            ? outcome.written().written().size()
                + " written, "
                + outcome.written().removed().size()
                + " removed, "
                + outcome.written().unchanged()
                + " unchanged in "
                + where
            : "no change in " + where);
    out.flush();
    return ExitCode.OK;
  }
}
