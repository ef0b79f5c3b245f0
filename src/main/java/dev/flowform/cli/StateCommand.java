package dev.flowform.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code flowform state list|show|rm}: inspect or forget state entries. */
@Command(
    name = "state",
    description = "Inspect or forget state entries (never changes anything in AEP).",
    synopsisSubcommandLabel = "COMMAND",
    footerHeading = "%nExamples:%n",
    footer = {
      "  flowform state list --env dev",
      "  flowform state show --env dev marketing-hubspot",
      "  flowform state rm --env dev legacy-hubspot"
    })
final class StateCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
