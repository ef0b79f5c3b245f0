package dev.flowform.cli;

import dev.flowform.manifest.Resolution;
import dev.flowform.run.Session;
import dev.flowform.run.StateEdits;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code flowform state mv FROM TO}: follow a renamed address without touching AEP. */
@Command(
    name = "mv",
    description = {
      "Move a connection's record to another address, after renaming its manifest's"
          + " metadata.name.",
      "Nothing changes in AEP: without it, the next plan would see an orphan and a conflict."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  flowform state mv --env dev sales-hubspot sales-crm-hubspot"})
final class StateMvCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin EnvironmentOptions common;
  @Mixin LockOptions lock;

  @Parameters(index = "0", paramLabel = "FROM", description = "The address state records now.")
  String from;

  @Parameters(index = "1", paramLabel = "TO", description = "The new address.")
  String to;

  StateMvCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (Session session =
        Session.open(
            common.settings(context, lock.timeout()), Resolution.LENIENT_SECRETS, "state mv")) {
      StateEdits.Edited moved = StateEdits.move(session, from, to);
      context
          .terminal()
          .out()
          .printf("Moved %s to %s (id %s). Nothing changed in AEP.%n", from, to, moved.id());
      return ExitCode.OK;
    }
  }
}
