package dev.flowform.run;

import dev.flowform.apply.ResourceRecords;
import dev.flowform.diag.FlowformException;
import dev.flowform.manifest.DesiredConnection;
import dev.flowform.model.RemoteConnection;
import dev.flowform.plan.ImportRules;
import dev.flowform.state.ResourceState;
import dev.flowform.state.State;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code import ADDRESS ID}: adopts an existing connection or pipeline resource into state,
 * changing nothing in AEP.
 */
public final class Import {

  /** What was imported: the address, the connection's id and its name in AEP. */
  public record Imported(String address, String id, String name) {}

  private Import() {}

  /**
   * The rules are {@link ImportRules}', shared with {@code spec.imports}.
   *
   * @throws FlowformException when the address is not in the manifests or already in state, the id
   *     is recorded under another address, or the platform has no HubSpot connection of that id
   */
  public static Imported run(Session session, String address, String id, Clock clock) {
    String environment = session.desired().environment().name();
    Optional<dev.flowform.manifest.DesiredResource> resource = session.desired().resource(address);
    if (resource.isPresent()) {
      State state = session.state().recordedOrEmpty();
      ImportRules.addressTaken(address, state.resource(address), environment)
          .ifPresent(Import::fail);
      ImportRules.recordedElsewhere(id, address, state.resources()).ifPresent(Import::fail);
      ResourceState record =
          ResourceImport.read(
              session, resource.get(), id, dev.flowform.registry.Kinds.all(), clock.instant());
      session.state().store().write(state.with(address, record));
      return new Imported(address, id, record.name() == null ? address : record.name());
    }
    DesiredConnection desired =
        session
            .desired()
            .connection(address)
            .orElseThrow(
                () ->
                    new FlowformException(
                        "no connection or pipeline resource '"
                            + address
                            + "' in the manifests of environment '"
                            + environment
                            + "'",
                        "write its manifest first, then import it"));
    State state = session.state().recordedOrEmpty();
    ImportRules.addressTaken(address, state.resource(address), environment).ifPresent(Import::fail);
    ImportRules.recordedElsewhere(id, address, state.resources()).ifPresent(Import::fail);
    Optional<RemoteConnection> read = session.platform().api().get(id);
    ImportRules.remote(
            id, read, session.desired().environment().sandbox(), desired.connectionSpec())
        .ifPresent(Import::fail);
    RemoteConnection remote = read.orElseThrow();
    session
        .state()
        .store()
        .write(state.with(address, ResourceRecords.adopted(remote, desired, clock.instant())));
    return new Imported(address, id, remote.name());
  }

  private static void fail(ImportRules.Problem problem) {
    throw new FlowformException(problem.message(), problem.hint());
  }
}
