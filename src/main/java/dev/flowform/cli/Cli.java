package dev.flowform.cli;

import dev.flowform.diag.Scrubber;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
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
      return commandLine(scrubbed, args).execute(args);
    } finally {
      scrubbed.terminal().out().flush();
      scrubbed.terminal().err().flush();
    }
  }

  /**
   * The command tree {@code args} need. Picocli reads every command's annotations when it is added,
   * which is a good part of the start-up, so when the first argument names a command only that one
   * is added; everything else (help, the version, completion, a mistyped command, an option first)
   * gets the whole tree, so what is printed is the same either way.
   */
  CommandLine commandLine(String... args) {
    return commandLine(context, args);
  }

  private CommandLine commandLine(CliContext context, String... args) {
    Map<String, Supplier<Object>> commands = commands(context);
    if (args.length > 0 && commands.containsKey(args[0]) && !args[0].equals("completion")) {
      return tree(context, Map.of(args[0], commands.get(args[0])));
    }
    return tree(context, commands);
  }

  /** The whole command tree. */
  CommandLine commandLine() {
    return tree(context, commands(context));
  }

  /** Every command, by name, in the order help lists them; each made only when asked for. */
  private Map<String, Supplier<Object>> commands(CliContext context) {
    Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
    commands.put("init", () -> new InitCommand(context));
    commands.put("validate", () -> new ValidateCommand(context));
    commands.put("plan", () -> new PlanCommand(context));
    commands.put("apply", () -> new ApplyCommand(context, interrupts));
    commands.put("show", () -> new ShowCommand(context));
    commands.put("refresh", () -> new RefreshCommand(context));
    commands.put("import", () -> new ImportCommand(context));
    commands.put("destroy", () -> new DestroyCommand(context, interrupts));
    commands.put("state", () -> stateCommands(context));
    commands.put("force-unlock", () -> new ForceUnlockCommand(context));
    commands.put("status", () -> new StatusCommand(context));
    commands.put("output", () -> new OutputCommand(context));
    commands.put("graph", () -> new GraphCommand(context));
    commands.put("specs", () -> specsCommands(context));
    commands.put("emulator", () -> new EmulatorCommand(context));
    commands.put("version", () -> new VersionCommand(context));
    commands.put("completion", () -> new CompletionCommand(context));
    return commands;
  }

  private CommandLine tree(CliContext context, Map<String, Supplier<Object>> commands) {
    CommandLine cli = new CommandLine(new Root());
    commands.forEach((name, command) -> cli.addSubcommand(name, command.get()));
    cli.setOut(context.terminal().out());
    cli.setErr(context.terminal().err());
    cli.setExecutionExceptionHandler(new ErrorReporter());
    cli.setParameterExceptionHandler(new UsageErrors());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setUsageHelpAutoWidth(true); // the terminal's width, 80 when there is none
    HelpWrap.install(cli);
    return cli;
  }

  private CommandLine specsCommands(CliContext context) {
    CommandLine specs = new CommandLine(new SpecsCommand());
    specs.addSubcommand(new SpecsPullCommand(context));
    specs.addSubcommand(new SpecsShowCommand(context));
    return specs;
  }

  private CommandLine stateCommands(CliContext context) {
    CommandLine state = new CommandLine(new StateCommand());
    state.addSubcommand(new StateListCommand(context));
    state.addSubcommand(new StateShowCommand(context));
    state.addSubcommand(new StateRmCommand(context));
    state.addSubcommand(new StateMvCommand(context));
    state.addSubcommand(new StateHistoryCommand(context));
    state.addSubcommand(new StateMigrateCommand(context));
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
