package dev.flowform.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
    Optional<String> reordered = optionsFirst(command, args);
    if (reordered.isPresent()) {
      err.println("error: options go after the command: " + reordered.get());
      err.println("hint: see flowform COMMAND --help for a command's options");
      err.flush();
      return ExitCode.ERROR;
    }
    err.println("error: " + e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    err.println("hint: see " + command.getCommandSpec().qualifiedName() + " --help");
    err.flush();
    return ExitCode.ERROR;
  }

  /**
   * When options come before the command ({@code flowform --env stage plan}), the command line with
   * them moved after it ({@code flowform plan --env stage}).
   */
  private static Optional<String> optionsFirst(CommandLine command, String[] args) {
    if (command.getParent() != null || args.length == 0 || !args[0].startsWith("-")) {
      return Optional.empty();
    }
    Set<String> commands = command.getSubcommands().keySet();
    for (int i = 1; i < args.length; i++) {
      if (commands.contains(args[i])) {
        List<String> words = new ArrayList<>();
        words.add("flowform");
        words.add(args[i]);
        words.addAll(Arrays.asList(args).subList(0, i));
        words.addAll(Arrays.asList(args).subList(i + 1, args.length));
        return Optional.of(String.join(" ", words));
      }
    }
    return Optional.empty();
  }
}
