package dev.flowform.cli;

import dev.flowform.manifest.Resolution;
import dev.flowform.run.Import;
import dev.flowform.run.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code flowform import ADDRESS ID}: adopt an existing connection into state. */
@Command(
    name = "import",
    description = {
      "Adopt an existing HubSpot connection into state under ADDRESS (a metadata.name of the"
          + " manifests).",
      "Nothing is changed on the platform; the next plan shows what differs from the manifest."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  flowform import --env dev marketing-hubspot 2fce94c1-9a93-4971-8e94-c19a93097129"})
final class ImportCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin EnvironmentOptions common;
  @Mixin VerboseOption verbose;
  @Mixin LockOptions lock;

  @Parameters(index = "0", paramLabel = "ADDRESS", description = "The manifest's metadata.name.")
  String address;

  @Parameters(index = "1", paramLabel = "ID", description = "The connection id in AEP.")
  String id;

  ImportCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (Session session =
        Session.open(
            common.settings(context, lock.timeout(), verbose.verbose(), common.env(context)),
            Resolution.LENIENT_SECRETS,
            "import")) {
      Import.Imported imported = Import.run(session, address, id, context.clock());
      context
          .terminal()
          .out()
          .printf(
              "Imported %s (id %s, \"%s\").%nRun flowform plan --env %s to see what differs from the"
                  + " manifest.%n",
              imported.address(),
              imported.id(),
              imported.name(),
              session.desired().environment().name());
      return ExitCode.OK;
    }
  }
}
