package dev.flowform.run;

import dev.flowform.apply.ResourceRecords;
import dev.flowform.diag.FlowformException;
import dev.flowform.manifest.DesiredConnection;
import dev.flowform.model.ConnectionSpecRef;
import dev.flowform.model.RemoteConnection;
import dev.flowform.state.State;
import java.time.Clock;

/** {@code import ADDRESS ID}: adopts an existing connection into state, changing nothing in AEP. */
public final class Import {

  /** What was imported: the address, the connection's id and its name in AEP. */
  public record Imported(String address, String id, String name) {}

  private Import() {}

  /**
   * @throws FlowformException when the address is not in the manifests or already in state, the id
   *     is recorded under another address, or the platform has no HubSpot connection of that id
   */
  public static Imported run(Session session, String address, String id, Clock clock) {
    String environment = session.desired().environment().name();
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
                            + environment
                            + "'",
                        "write its manifest first, then import it"));
    State state = session.state().recordedOrEmpty();
    state
        .resource(address)
        .ifPresent(r -> alreadyInState(address, r.isPending(), r.id(), environment));
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
    session
        .state()
        .store()
        .write(state.with(address, ResourceRecords.adopted(remote, desired, clock.instant())));
    return new Imported(address, id, remote.name());
  }

  private static void alreadyInState(
      String address, boolean pending, String recordedId, String environment) {
    if (pending) {
      throw new FlowformException(
          "'" + address + "' is pending in state: an earlier create was interrupted",
          "run flowform apply --env "
              + environment
              + " to resolve it (it adopts the connection of its name), or flowform state rm --env "
              + environment
              + " "
              + address
              + " first");
    }
    throw new FlowformException(
        "'" + address + "' is already in state (id " + recordedId + ")",
        "flowform state rm --env "
            + environment
            + " "
            + address
            + " first to import another connection");
  }
}
