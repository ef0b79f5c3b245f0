package dev.flowform.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line flowform cannot use (an unknown option, a missing or invalid value): one message,
 * a pointer to the command's help, and exit 1 as for any error. Exit 2 is kept for {@code
 * --detailed-exitcode}'s "changes present", as in Terraform.
 */
final class UsageErrors implements IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("error: " + e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    err.println("hint: see " + command.getCommandSpec().qualifiedName() + " --help");
    err.flush();
    return ExitCode.ERROR;
  }
}
