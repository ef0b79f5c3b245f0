package dev.flowform.cli;

import dev.flowform.manifest.EnvironmentConfig;
import dev.flowform.run.Session;
import dev.flowform.state.FileStateStore;
import dev.flowform.state.State;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code flowform state list}: one line per managed connection. */
@Command(
    name = "list",
    description = "List the connections in the environment's state: address, status, id.",
    footerHeading = "%nExamples:%n",
    footer = {"  flowform state list --env dev"})
final class StateListCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin CommonOptions common;

  StateListCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    EnvironmentConfig environment =
        Session.environment(common.settings(context, java.time.Duration.ZERO));
    State state = new FileStateStore(environment.statePath()).read().orElse(null);
    if (state == null) {
      context
          .terminal()
          .err()
          .println("No state yet at " + context.display(environment.statePath()) + ".");
      return ExitCode.OK;
    }
    state
        .resources()
        .forEach(
            (address, r) ->
                context
                    .terminal()
                    .out()
                    .printf(
                        "%-40s %-8s %s%n",
                        address,
                        r.status().name().toLowerCase(java.util.Locale.ROOT),
                        r.id() == null ? "-" : r.id()));
    return ExitCode.OK;
  }
}
