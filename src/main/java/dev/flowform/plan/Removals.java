package dev.flowform.plan;

import dev.flowform.flowservice.RemoteConnection;
import dev.flowform.state.ResourceState;
import java.util.List;

/** Plans a recorded address that is to go: an orphan, or a delete (prune, destroy). */
final class Removals {
  private Removals() {}

  /**
   * An orphan that is only reported, or with {@code delete} a DELETE. A pending record has no id: a
   * refresh that found exactly one connection of its name supplies it; otherwise the DELETE has no
   * id, and applying it only forgets the pending record.
   */
  static Change plan(
      String address, ResourceState recorded, Reason reason, boolean delete, RemoteView remote) {
    String id = recorded.id();
    String etag = remote.found(address).map(RemoteConnection::etag).orElse(recorded.etag());
    if (id == null && recorded.name() != null) {
      List<RemoteConnection> sameName = remote.named(recorded.name()).orElse(List.of());
      if (sameName.size() == 1) {
        id = sameName.get(0).id();
        etag = sameName.get(0).etag();
      }
    }
    return new Change(
        address,
        delete ? Action.DELETE : Action.ORPHAN,
        reason,
        id,
        etag,
        recorded.name(),
        List.of(),
        List.of());
  }
}
