package dev.flowform.apply;

import dev.flowform.diag.FlowformException;
import dev.flowform.flowservice.FlowServiceApi;
import dev.flowform.flowservice.FlowServiceException;
import dev.flowform.model.RemoteConnection;
import dev.flowform.plan.Change;
import dev.flowform.state.ResourceState;
import java.util.Optional;

/**
 * Deletes a recorded connection and forgets it. A record still pending (no id) is resolved by name
 * first, like a recovering create. Never deletes a connection state records for another address.
 */
final class Deleter {
  static final String USED_BY_FLOWS = "1418-400";

  private final FlowServiceApi api;
  private final StateRecorder recorder;
  private final NameLookup lookup;

  Deleter(FlowServiceApi api, StateRecorder recorder) {
    this.api = api;
    this.recorder = recorder;
    this.lookup = new NameLookup(api, recorder);
  }

  /** Deletes and removes the address from state. */
  ChangeOutcome delete(Change change) {
    Optional<String> id = deleteRemote(change);
    recorder.forget(change.address());
    return ChangeOutcome.of(change, Outcome.DELETED, id.orElse(null));
  }

  /** Deletes the connection only; state is left to the caller. Empty when none existed. */
  Optional<String> deleteRemote(Change change) {
    Optional<ResourceState> recorded = recorder.resource(change.address());
    String id = change.id() != null ? change.id() : recorded.map(ResourceState::id).orElse(null);
    if (id == null && recorded.isPresent()) {
      ResourceState pending = recorded.get();
      id =
          lookup
              .single(change.address(), pending.name(), pending.connectionSpec())
              .map(RemoteConnection::id)
              .orElse(null);
    }
    if (id == null) {
      return Optional.empty();
    }
    if (recorder.ownedByOther(id, change.address())) {
      throw new FlowformException(
          "connection "
              + id
              + " is recorded for "
              + recorder.ownerOf(id, change.address())
              + ", not for \""
              + change.address()
              + "\": flowform will not delete it",
          "plan again: state keeps \"" + change.address() + "\" as it was");
    }
    try {
      api.delete(id);
    } catch (FlowServiceException e) {
      if (USED_BY_FLOWS.equals(e.code())) {
        throw new FlowformException(
            "connection " + id + " is used by dataflows, so the platform refuses to delete it",
            "delete the dataflows that use it first (in the AEP UI, or Flow Service /flows),"
                + " then apply again",
            e);
      }
      throw e;
    }
    return Optional.of(id);
  }
}
