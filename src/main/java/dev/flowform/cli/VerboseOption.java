package dev.flowform.cli;

import picocli.CommandLine.Option;

/** {@code --verbose}, for the commands that call the platform. */
public final class VerboseOption {

  @Option(
      names = {"-v", "--verbose"},
      description = "Trace HTTP requests (secrets redacted).")
  boolean verbose;

  public boolean verbose() {
    return verbose;
  }
}
