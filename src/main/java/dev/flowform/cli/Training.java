package dev.flowform.cli;

import dev.flowform.apply.Cancellation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The workload {@code bin/flowform} records its class archive (AppCDS) or AOT cache from: the
 * common commands, run in-process on a project made by {@code init} in a temporary folder, against
 * the embedded emulator; the folder is deleted afterwards. So the archive holds the classes of
 * every common command, whichever command the launcher happened to run first. Not a command: {@code
 * java -cp flowform.jar dev.flowform.cli.Training}, exit code 0 when every command did what it
 * should.
 */
public final class Training {
  /** Each command line and the exit code it must end with. */
  static final List<Step> STEPS =
      List.of(
          new Step(0, "init"),
          new Step(0, "validate", "--env", "local"),
          new Step(0, "apply", "--env", "local", "--auto-approve", "--no-color"),
          new Step(0, "plan", "--env", "local", "--detailed-exitcode", "--output", "json"),
          new Step(0, "plan", "--env", "local", "--refresh=false", "--output", "markdown"),
          new Step(0, "refresh", "--env", "local"),
          new Step(0, "status", "--environments", "local"),
          new Step(0, "state", "list", "--env", "local"),
          new Step(0, "version"),
          new Step(0, "--help"),
          new Step(1, "no-such-command"));

  private Training() {}

  /** One command line of the workload. */
  record Step(int expectedExit, String... args) {}

  public static void main(String[] args) throws IOException {
    Path folder = Files.createTempDirectory("flowform-training");
    // a hook, not a finally: the launcher stops training with a TERM when it is itself stopped
    Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder)));
    List<String> failed = run(folder, Clock.systemUTC());
    failed.forEach(line -> System.err.println("flowform training: unexpected exit: " + line));
    System.exit(failed.isEmpty() ? 0 : 1);
  }

  /** Runs every step in {@code folder}; returns the steps that ended with another exit code. */
  static List<String> run(Path folder, Clock clock) {
    List<String> failed = new ArrayList<>();
    for (Step step : STEPS) {
      PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
      Terminal terminal =
          new Terminal(nowhere, nowhere, new BufferedReader(new StringReader("")), false);
      CliContext context = new CliContext(terminal, Map.of(), folder, clock);
      int code = new Cli(context, () -> Cancellation.NEVER).run(step.args());
      if (code != step.expectedExit()) {
        failed.add(String.join(" ", step.args()) + " -> " + code);
      }
    }
    return failed;
  }

  private static void delete(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UncheckedIOException e) {
      // best effort: a temporary folder left behind is no reason to fail the training
    }
  }
}
