package dev.flowform.plan;

import dev.flowform.manifest.DesiredConnection;
import dev.flowform.model.RemoteConnection;
import dev.flowform.state.ResourceState;
import java.util.List;
import java.util.Set;

/**
 * Plans the rows that create: new addresses, connections deleted outside flowform, and interrupted
 * creates. A create that carries an {@code id} adopts that connection instead of POSTing (see
 * {@link Change#adopts()}).
 */
final class Creates {
  private Creates() {}

  /**
   * A create, unless the refresh found connections of that name already: then a conflict naming
   * them, or with {@code adoptExisting} and exactly one of them (not {@code claimed} by another
   * address), an adopting create.
   */
  static Change create(
      DesiredConnection desired,
      Reason reason,
      RemoteView remote,
      boolean adoptExisting,
      Set<String> claimed) {
    List<RemoteConnection> sameName = remote.named(desired.name()).orElse(List.of());
    if (sameName.isEmpty()) {
      return Change.unrecorded(
          desired.address(),
          Action.CREATE,
          reason,
          desired.name(),
          ConnectionDiff.created(desired),
          List.of());
    }
    if (adoptExisting && sameName.size() == 1 && !claimed.contains(sameName.get(0).id())) {
      return adopting(desired, Reason.EXISTS_REMOTELY, sameName.get(0));
    }
    return conflict(desired, Reason.EXISTS_REMOTELY, sameName);
  }

  /**
   * An interrupted create (recorded as pending), looked up by the name it was sent with (the
   * pending record's, which the refresher reads, as the applier does; the manifest may have renamed
   * it since). When the refresh looked the name up: one match is adopted, several are a conflict,
   * none is a plain create; connections {@code claimed} by other addresses are not candidates (the
   * applier's lookup skips them too). Offline, a create without an id: the applier looks the name
   * up itself before sending anything.
   */
  static Change recovery(
      DesiredConnection desired, ResourceState pending, RemoteView remote, Set<String> claimed) {
    String sentName = pending.name() == null ? desired.name() : pending.name();
    List<RemoteConnection> sameName = remote.namedExcept(sentName, claimed);
    if (sameName.size() == 1) {
      return adopting(desired, Reason.PENDING_RECOVERY, sameName.get(0));
    }
    if (sameName.size() > 1) {
      return conflict(desired, Reason.PENDING_RECOVERY, sameName);
    }
    return Change.unrecorded(
        desired.address(),
        Action.CREATE,
        Reason.PENDING_RECOVERY,
        desired.name(),
        ConnectionDiff.created(desired),
        List.of());
  }

  private static Change adopting(DesiredConnection desired, Reason reason, RemoteConnection found) {
    return new Change(
        desired.address(),
        Action.CREATE,
        reason,
        found.id(),
        found.etag(),
        desired.name(),
        ConnectionDiff.created(desired),
        List.of(found.id()));
  }

  private static Change conflict(
      DesiredConnection desired, Reason reason, List<RemoteConnection> found) {
    return Change.unrecorded(
        desired.address(),
        Action.CONFLICT,
        reason,
        desired.name(),
        List.of(),
        found.stream().map(RemoteConnection::id).sorted().toList());
  }
}
