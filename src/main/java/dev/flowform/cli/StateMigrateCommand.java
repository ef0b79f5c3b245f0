package dev.flowform.cli;

import dev.flowform.run.StateMigrate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowform state migrate --to URL|PATH}: move a state to another backend. */
@Command(
    name = "migrate",
    description = {
      "Copy the environment's state to a PostgreSQL URL or a file, then point spec.state at it.",
      "Both are locked; the source is left as it was. A target holding another state is refused."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  flowform state migrate --env prod --to postgresql://flowform@db:5432/infra?key=prod",
      "  flowform state migrate --env prod --to .flowform/prod.state.json"
    })
final class StateMigrateCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin EnvironmentOptions common;
  @Mixin LockOptions lock;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "URL|PATH",
      description = "Where the state goes: postgresql://... or a file path.")
  String to;

  StateMigrateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    StateMigrate.Migrated migrated = StateMigrate.run(common.settings(context, lock.timeout()), to);
    context
        .terminal()
        .out()
        .printf(
            migrated.alreadyThere()
                ? "%2$s already holds this state (serial %3$d, %4$d connection(s)); nothing copied.%n"
                : "Copied the state from %1$s to %2$s (serial %3$d, %4$d connection(s)).%n",
            migrated.from(),
            migrated.to(),
            migrated.serial(),
            migrated.resources());
    context
        .terminal()
        .out()
        .println(
            "Now set spec.state to it; the next plan shows no changes. The source is unchanged.");
    return ExitCode.OK;
  }
}
