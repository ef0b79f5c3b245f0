package dev.flowform.cli;

import dev.flowform.manifest.Resolution;
import dev.flowform.run.Session;
import dev.flowform.run.StateEdits;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code flowform state rm ADDRESS...}: forget connections without deleting them. */
@Command(
    name = "rm",
    description = {
      "Forget connections: remove them from state without deleting them in AEP.",
      "The next plan shows them as creates (or conflicts) while their manifests remain."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  flowform state rm --env dev legacy-hubspot"})
final class StateRmCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin EnvironmentOptions common;
  @Mixin LockOptions lock;

  @Parameters(arity = "1..*", paramLabel = "ADDRESS", description = "Addresses to forget.")
  List<String> addresses;

  StateRmCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (Session session =
        Session.open(
            common.settings(context, lock.timeout()), Resolution.LENIENT_SECRETS, "state rm")) {
      for (StateEdits.Edited removed : StateEdits.remove(session, addresses)) {
        context
            .terminal()
            .out()
            .printf(
                "Removed %s (id %s) from state. The connection still exists in AEP.%n",
                removed.address(), removed.id());
      }
      return ExitCode.OK;
    }
  }
}
