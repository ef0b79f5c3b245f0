package dev.flowform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandTreeTest {
  private static final List<String> EVERY_COMMAND =
      List.of(
          "init",
          "validate",
          "plan",
          "apply",
          "show",
          "refresh",
          "import",
          "destroy",
          "state",
          "force-unlock",
          "status",
          "output",
          "graph",
          "specs",
          "emulator",
          "version",
          "completion");

  private static Cli cli() {
    Terminal terminal =
        new Terminal(
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()),
            new BufferedReader(new StringReader("")),
            false);
    return new Cli(
        new CliContext(terminal, Map.of(), Path.of("."), Clock.systemUTC()),
        CliRun.NEVER_INTERRUPTED);
  }

  @Test
  void buildsOnlyTheCommandNamedFirst() {
    assertEquals(
        Set.of("validate"),
        cli().commandLine("validate", "--env", "dev").getSubcommands().keySet());
    assertEquals(
        Set.of("list", "show", "rm", "mv", "history", "migrate"),
        cli().commandLine("state", "list").getSubcommands().get("state").getSubcommands().keySet());
  }

  @Test
  void buildsTheWholeTreeForHelpCompletionAnUnknownCommandOrAnOptionFirst() {
    for (String[] args :
        List.of(
            new String[] {},
            new String[] {"--help"},
            new String[] {"-h", "validate"},
            new String[] {"completion"},
            new String[] {"nonsense"},
            new String[] {"Validate"})) {
      assertEquals(
          EVERY_COMMAND,
          List.copyOf(cli().commandLine(args).getSubcommands().keySet()),
          String.join(" ", args));
    }
  }

  @Test
  void aCommandsHelpIsTheSameWhicheverTreeItComesFrom() {
    for (String command : EVERY_COMMAND) {
      String alone = cli().commandLine(command).getSubcommands().get(command).getUsageMessage();
      String inTree = cli().commandLine().getSubcommands().get(command).getUsageMessage();
      assertEquals(inTree, alone, command);
    }
  }

  /** The commands that take {@code option}, by their full names. */
  private static Set<String> taking(String option) {
    Set<String> out = new java.util.TreeSet<>();
    List<CommandLine> todo = new java.util.ArrayList<>(List.of(cli().commandLine()));
    while (!todo.isEmpty()) {
      CommandLine command = todo.remove(0);
      todo.addAll(command.getSubcommands().values());
      if (command.getCommandSpec().findOption(option) != null) {
        out.add(command.getCommandSpec().qualifiedName(" ").replaceFirst("^flowform ", ""));
      }
    }
    return out;
  }

  @Test
  void noColorAndVerboseAreTakenOnlyWhereTheyHaveAnEffect() {
    // colour: the rendered plan (plan, apply, destroy, show); an HTTP trace: the commands that
    // call the platform. output and graph print neither (they once listed both, to no effect).
    assertEquals(Set.of("apply", "destroy", "plan", "show"), taking("--no-color"));
    assertEquals(
        Set.of("apply", "destroy", "import", "plan", "refresh", "specs pull"), taking("--verbose"));
    assertEquals(taking("--verbose"), taking("-v"));
  }

  @Test
  void runsTheNamedCommandWithItsExitCode() {
    CliRun run = CliRun.run(Path.of("."), Map.of(), "validate", "--dir", "no-such-folder");
    assertEquals(1, run.exitCode());
    assertEquals("", run.out());
  }
}
