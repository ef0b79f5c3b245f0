package dev.flowform.cli;

import dev.flowform.diag.Scrubber;
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
  private final Interrupts interrupts;

  public Cli(CliContext context, Interrupts interrupts) {
    this.context = context;
    this.interrupts = interrupts;
  }

  /** The real process: System streams and environment, the current folder, the system clock. */
  public static Cli standard() {
    Terminal terminal =
        new Terminal(
            new PrintWriter(System.out, true, StandardCharsets.UTF_8),
            new PrintWriter(System.err, true, StandardCharsets.UTF_8),
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
            System.console() != null);
    return new Cli(
        new CliContext(terminal, System.getenv(), Path.of(""), Clock.systemUTC()),
        Interrupts.process());
  }

  /** Runs the command line and returns the exit code. */
  public int run(String... args) {
    CliContext scrubbed = context.scrubbedBy(new Scrubber());
    try {
      return commandLine(scrubbed).execute(args);
    } finally {
      scrubbed.terminal().out().flush();
      scrubbed.terminal().err().flush();
    }
  }

  CommandLine commandLine() {
    return commandLine(context);
  }

  private CommandLine commandLine(CliContext context) {
    CommandLine cli = new CommandLine(new Root());
    cli.addSubcommand(new InitCommand(context));
    cli.addSubcommand(new ValidateCommand(context));
    cli.addSubcommand(new PlanCommand(context));
    cli.addSubcommand(new ApplyCommand(context, interrupts));
    cli.addSubcommand(new RefreshCommand(context));
    cli.addSubcommand(new ImportCommand(context));
    cli.addSubcommand(new DestroyCommand(context, interrupts));
    cli.addSubcommand(stateCommands(context));
    cli.addSubcommand(new ForceUnlockCommand(context));
    cli.addSubcommand(new StatusCommand(context));
    cli.addSubcommand(new EmulatorCommand(context));
    cli.addSubcommand(new VersionCommand(context));
    cli.addSubcommand(new CompletionCommand(context));
    cli.setOut(context.terminal().out());
    cli.setErr(context.terminal().err());
    cli.setExecutionExceptionHandler(new ErrorReporter());
    cli.setParameterExceptionHandler(new UsageErrors());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli;
  }

  private static CommandLine stateCommands(CliContext context) {
    CommandLine state = new CommandLine(new StateCommand());
    state.addSubcommand(new StateListCommand(context));
    state.addSubcommand(new StateShowCommand(context));
    state.addSubcommand(new StateRmCommand(context));
    state.addSubcommand(new StateMvCommand(context));
    return state;
  }

  @Command(
      name = "flowform",
      mixinStandardHelpOptions = true,
      scope = CommandLine.ScopeType.INHERIT,
      versionProvider = VersionProvider.class,
      description =
          "Declarative reconciler for Adobe Experience Platform HubSpot base connections.",
      synopsisSubcommandLabel = "COMMAND",
      footerHeading = "%nExamples:%n",
      footer = {
        "  flowform init && flowform apply --env local",
        "  flowform plan --env dev",
        "  flowform status --environments dev,stage,prod",
        "  flowform apply --env prod --auto-approve --output json > result.json",
        "",
        "Run flowform COMMAND --help for a command's options and examples.",
        "CI recipes: docs/ci.md. Shell completion: source <(flowform completion)"
      })
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
