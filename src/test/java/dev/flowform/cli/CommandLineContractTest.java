package dev.flowform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.testing.Fixtures;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The command line's contract: usage errors exit 1 before anything runs, every command's help is
 * whole and lists only the options it uses.
 */
class CommandLineContractTest {
  private static final Path PROJECT = Path.of("").toAbsolutePath();

  @TempDir Path dir;

  @Test
  void anUnknownOptionExitsOneNotTheTwoThatMeansChanges() {
    CliRun run = CliRun.run(dir, Map.of(), "plan", "--bogus");

    assertEquals(ExitCode.ERROR, run.exitCode());
    assertTrue(run.err().contains("error: Unknown option: '--bogus'"), run.err());
    assertTrue(run.err().contains("hint: see flowform plan --help"), run.err());
  }

  @Test
  void optionsBeforeTheCommandAreToldToGoAfterIt() {
    CliRun run = CliRun.run(dir, Map.of(), "--env", "stage", "plan", "--detailed-exitcode");
    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.err().contains("options go after the command"), run.err());
    assertTrue(run.err().contains("flowform plan --env stage --detailed-exitcode"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void destroyWithParallelismZeroStopsBeforeAnythingRuns() {
    CliRun run = CliRun.run(PROJECT, Map.of(), "destroy", "--env", "local", "--parallelism", "0");

    assertEquals(ExitCode.ERROR, run.exitCode());
    assertEquals("", run.out());
    assertTrue(run.err().contains("--parallelism must be at least 1, was 0"), run.err());
    assertFalse(run.err().contains("unexpected"), run.err());
  }

  @Test
  void applyRefusesMarkdownAndPlanningOptionsWithASavedPlanWhileParsing() {
    CliRun markdown = CliRun.run(dir, Map.of(), "apply", "--output", "markdown");
    CliRun prune = CliRun.run(dir, Map.of(), "apply", "--prune", "x.plan");

    assertEquals(ExitCode.ERROR, markdown.exitCode());
    assertTrue(markdown.err().contains("apply has no markdown output"), markdown.err());
    assertEquals(ExitCode.ERROR, prune.exitCode());
    assertTrue(
        prune.err().contains("--prune: a saved plan is applied as it was made"), prune.err());
  }

  @Test
  void everySummaryInTheCommandListIsAWholeSentence() {
    for (CommandLine sub : tree().getSubcommands().values()) {
      String[] description = sub.getCommandSpec().usageMessage().description();
      String summary = description.length == 0 ? "" : description[0];
      assertTrue(summary.endsWith("."), sub.getCommandName() + ": " + summary);
    }
    CliRun help = CliRun.run(dir, Map.of(), "--help");
    assertTrue(
        help.out().contains("Create a starting project, writing only where nothing exists"),
        help.out());
    assertTrue(
        help.out().contains("Show each connection in each environment, offline."), help.out());
  }

  @Test
  void validateHelpShowsTheReferencesItResolves() {
    CliRun help = CliRun.run(dir, Map.of(), "validate", "--help");

    assertTrue(help.out().contains("also resolve prod's ${env:...} and"), help.out());
    assertTrue(help.out().contains("${file:...}"), help.out());
    assertFalse(help.out().contains("null"), help.out());
  }

  static Stream<Arguments> optionsOfEachCommand() {
    Set<String> environment = Set.of("--dir", "--env", "--allow-file-root");
    return Stream.of(
        Arguments.of(List.of("init"), Set.of("--dir")),
        Arguments.of(
            List.of("validate"), Set.of("--dir", "--env", "--allow-file-root", "--output")),
        Arguments.of(
            List.of("refresh"),
            Set.of(
                "--dir",
                "--env",
                "--allow-file-root",
                "--verbose",
                "--lock-timeout",
                "--parallelism")),
        Arguments.of(
            List.of("import"),
            Set.of("--dir", "--env", "--allow-file-root", "--verbose", "--lock-timeout")),
        Arguments.of(
            List.of("status"),
            Set.of(
                "--dir",
                "--allow-file-root",
                "--output",
                "--detailed-exitcode",
                "--environments",
                "--refresh",
                "--parallelism")),
        Arguments.of(List.of("force-unlock"), environment),
        Arguments.of(
            List.of("state", "list"), Set.of("--dir", "--env", "--allow-file-root", "--output")),
        Arguments.of(
            List.of("state", "show"), Set.of("--dir", "--env", "--allow-file-root", "--serial")),
        Arguments.of(List.of("state", "history"), environment),
        Arguments.of(
            List.of("state", "migrate"),
            Set.of("--dir", "--env", "--allow-file-root", "--lock-timeout", "--to")),
        Arguments.of(
            List.of("state", "rm"),
            Set.of("--dir", "--env", "--allow-file-root", "--lock-timeout")),
        Arguments.of(
            List.of("destroy"),
            Set.of(
                "--dir",
                "--env",
                "--allow-file-root",
                "--no-color",
                "--verbose",
                "--lock-timeout",
                "--auto-approve",
                "--parallelism",
                "--target",
                "--output")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optionsOfEachCommand")
  void eachCommandTakesOnlyTheOptionsItUses(List<String> path, Set<String> expected) {
    CommandLine command = tree();
    for (String name : path) {
      command = command.getSubcommands().get(name);
    }
    CommandSpec spec = command.getCommandSpec();
    Set<String> options =
        spec.options().stream()
            .map(OptionSpec::longestName)
            .filter(name -> !Set.of("--help", "--version").contains(name))
            .collect(java.util.stream.Collectors.toSet());

    assertEquals(expected, options);
  }

  @Test
  void refreshRefusesThePlanningOptionsItWouldIgnore() {
    CliRun run = CliRun.run(dir, Map.of(), "refresh", "--prune");

    assertEquals(ExitCode.ERROR, run.exitCode());
    assertTrue(run.err().contains("Unknown option: '--prune'"), run.err());
  }

  private static CommandLine tree() {
    Terminal terminal =
        new Terminal(
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()),
            new BufferedReader(new StringReader("")),
            false);
    return new Cli(
            new CliContext(terminal, Map.of(), PROJECT, Fixtures.CLOCK), CliRun.NEVER_INTERRUPTED)
        .commandLine();
  }
}
