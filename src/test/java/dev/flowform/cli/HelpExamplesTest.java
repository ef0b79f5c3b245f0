package dev.flowform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's --help ends with examples, and every example parses. */
class HelpExamplesTest {

  private static void collect(CommandLine command, List<CommandLine> out) {
    out.add(command);
    command.getSubcommands().values().forEach(sub -> collect(sub, out));
  }

  @Test
  void everyCommandHasExamplesThatParse() {
    List<CommandLine> commands = new ArrayList<>();
    collect(DocsRecipesTest.tree(), commands);
    assertTrue(commands.size() >= 17, "commands: " + commands.size());
    for (CommandLine command : commands) {
      String name = command.getCommandSpec().qualifiedName();
      String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
      assertTrue(help.contains("Examples:"), name + " has no examples:\n" + help);
      List<List<String>> examples = CommandLines.in(String.join("\n", footer(command)));
      assertFalse(examples.isEmpty(), name);
      for (List<String> args : examples) {
        DocsRecipesTest.tree().parseArgs(args.toArray(String[]::new));
      }
    }
  }

  @Test
  void everyCommandAnswersHelpAfterItsNameWithUsageAndExitZero() {
    List<CommandLine> commands = new ArrayList<>();
    collect(DocsRecipesTest.tree(), commands);
    for (CommandLine command : commands) {
      List<String> args =
          new ArrayList<>(List.of(command.getCommandSpec().qualifiedName(" ").split(" ")));
      args.remove(0);
      args.add("--help");
      CliRun run = CliRun.run(Path.of("."), Map.of(), args.toArray(String[]::new));
      assertEquals(0, run.exitCode(), args + ": " + run.err());
      assertTrue(run.out().startsWith("Usage: flowform"), args + ": " + run.out());
    }
  }

  private static List<String> footer(CommandLine command) {
    return List.of(command.getCommandSpec().usageMessage().footer());
  }

  @Test
  void completionPrintsABashScriptNamingEveryCommand() {
    CliRun run = CliRun.run(Path.of("."), Map.of(), "completion");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("complete -F"), run.out());
    for (String command : List.of("plan", "apply", "status", "init", "completion", "state")) {
      assertTrue(run.out().contains(command), command);
    }
    assertTrue(run.out().contains("--detailed-exitcode"));
  }
}
