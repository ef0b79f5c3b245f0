package dev.flowform.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Builds the command tree for one context and runs it. */
public final class Cli {
  private final CliContext context;

  public Cli(CliContext context) {
    this.context = context;
  }

  /** The real process: System streams and environment, the current folder, the system clock. */
  public static Cli standard() {
    Terminal terminal =
        new Terminal(
            new PrintWriter(System.out, true, StandardCharsets.UTF_8),
            new PrintWriter(System.err, true, StandardCharsets.UTF_8),
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
            System.console() != null);
    return new Cli(new CliContext(terminal, System.getenv(), Path.of(""), Clock.systemUTC()));
  }

  /** Runs the command line and returns the exit code. */
  public int run(String... args) {
    return commandLine().execute(args);
  }

  CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Root());
    cli.addSubcommand(new VersionCommand(context));
    cli.addSubcommand(new ValidateCommand(context));
    cli.addSubcommand(new EmulatorCommand(context));
    cli.setOut(context.terminal().out());
    cli.setErr(context.terminal().err());
    cli.setExecutionExceptionHandler(new ErrorReporter());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli;
  }

  @Command(
      name = "flowform",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description =
          "Declarative reconciler for Adobe Experience Platform HubSpot base connections.",
      synopsisSubcommandLabel = "COMMAND")
  static final class Root implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().usage(spec.commandLine().getOut());
    }
  }

  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"flowform " + Version.current()};
    }
  }
}
