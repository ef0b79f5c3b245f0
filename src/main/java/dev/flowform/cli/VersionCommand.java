package dev.flowform.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code flowform version}. */
@Command(
    name = "version",
    description = "Print flowform's version.",
    footerHeading = "%nExamples:%n",
    footer = {"  flowform version"})
final class VersionCommand implements Callable<Integer> {
  private final CliContext context;

  VersionCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    context
        .terminal()
        .out()
        .printf("flowform %s (Java %s)%n", Version.current(), System.getProperty("java.version"));
    return ExitCode.OK;
  }
}
