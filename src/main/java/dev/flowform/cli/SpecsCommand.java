package dev.flowform.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code flowform specs pull|show}: the project's catalog of connector specs. */
@Command(
    name = "specs",
    description =
        "The connector specs Connection manifests are checked against, kept in specs/ beside"
            + " the manifests.",
    synopsisSubcommandLabel = "COMMAND",
    footerHeading = "%nExamples:%n",
    footer = {"  flowform specs pull --env dev", "  flowform specs show salesforce"})
final class SpecsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
