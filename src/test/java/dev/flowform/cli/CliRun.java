package dev.flowform.cli;

import dev.flowform.apply.Cancellation;
import dev.flowform.testing.Fixtures;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs the real command line in-process, capturing what it prints. */
public record CliRun(int exitCode, String out, String err) {

  /** Never interrupted by signals: the command line runs in-process. */
  public static final Interrupts NEVER_INTERRUPTED = () -> Cancellation.NEVER;

  public static CliRun run(Path workDir, Map<String, String> env, String... args) {
    return run(workDir, env, "", false, args);
  }

  public static CliRun run(
      Path workDir, Map<String, String> env, String stdin, boolean interactive, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Terminal terminal =
        new Terminal(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            new BufferedReader(new StringReader(stdin)),
            interactive);
    int code =
        new Cli(new CliContext(terminal, env, workDir, Fixtures.CLOCK), NEVER_INTERRUPTED)
            .run(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
