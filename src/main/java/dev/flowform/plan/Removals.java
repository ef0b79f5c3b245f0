package dev.flowform.plan;

import dev.flowform.model.RemoteConnection;
import dev.flowform.state.ResourceState;
import java.util.List;
import java.util.Set;

/** Plans a recorded address that is to go: an orphan, or a delete (prune, destroy). */
final class Removals {
  private Removals() {}

  /**
   * An orphan that is only reported, or with {@code delete} a DELETE. A pending record has no id: a
   * refresh that found exactly one connection of its name supplies it, unless that connection is
   * {@code claimed} (recorded for another address, or adopted by a create of this plan); otherwise
   * the DELETE has no id, and applying it looks the name up again or only forgets the record.
   */
  static Change plan(
      String address,
      ResourceState recorded,
      Reason reason,
      boolean delete,
      RemoteView remote,
      Set<String> claimed) {
    String id = recorded.id();
    String etag = remote.found(address).map(RemoteConnection::etag).orElse(recorded.etag());
    if (id == null && recorded.name() != null) {
      List<RemoteConnection> sameName = remote.namedExcept(recorded.name(), claimed);
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
