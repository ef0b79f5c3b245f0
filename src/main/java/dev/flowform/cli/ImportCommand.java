package dev.flowform.cli;

import dev.flowform.apply.ResourceRecords;
import dev.flowform.diag.FlowformException;
import dev.flowform.manifest.DesiredConnection;
import dev.flowform.manifest.Resolution;
import dev.flowform.model.ConnectionSpecRef;
import dev.flowform.model.RemoteConnection;
import dev.flowform.run.Session;
import dev.flowform.state.State;
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

  @Mixin CommonOptions common;
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
            common.settings(context, lock.timeout()), Resolution.LENIENT_SECRETS, "import")) {
      DesiredConnection desired =
          session
              .desired()
              .connection(address)
              .orElseThrow(
                  () ->
                      new FlowformException(
                          "no connection '"
                              + address
                              + "' in the manifests of environment '"
                              + session.desired().environment().name()
                              + "'",
                          "write its manifest first, then import it"));
      State state = session.state().recordedOrEmpty();
      state
          .resource(address)
          .ifPresent(
              r -> {
                if (r.isPending()) {
                  throw new FlowformException(
                      "'" + address + "' is pending in state: an earlier create was interrupted",
                      "run flowform apply to resolve it (it adopts the connection of its name),"
                          + " or flowform state rm "
                          + address
                          + " first");
                }
                throw new FlowformException(
                    "'" + address + "' is already in state (id " + r.id() + ")",
                    "flowform state rm " + address + " first to import another connection");
              });
      state
          .resources()
          .forEach(
              (other, r) -> {
                if (id.equals(r.id())) {
                  throw new FlowformException(
                      "connection " + id + " is already recorded as '" + other + "'");
                }
              });
      RemoteConnection remote =
          session
              .platform()
              .api()
              .get(id)
              .orElseThrow(
                  () ->
                      new FlowformException(
                          "no connection "
                              + id
                              + " in sandbox '"
                              + session.desired().environment().sandbox()
                              + "'"));
      if (remote.connectionSpec() == null
          || !ConnectionSpecRef.HUBSPOT_ID.equals(remote.connectionSpec().id())) {
        throw new FlowformException(
            "connection "
                + id
                + " is not a HubSpot connection (spec "
                + (remote.connectionSpec() == null ? "unknown" : remote.connectionSpec().id())
                + ")");
      }
      State next =
          state.with(address, ResourceRecords.adopted(remote, desired, context.clock().instant()));
      session.state().store().write(next);
      context
          .terminal()
          .out()
          .printf(
              "Imported %s (id %s, \"%s\").%nRun flowform plan to see what differs from the manifest.%n",
              address, id, remote.name());
      return ExitCode.OK;
    }
  }
}
