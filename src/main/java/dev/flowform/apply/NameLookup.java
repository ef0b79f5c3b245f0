package dev.flowform.apply;

import dev.flowform.diag.FlowformException;
import dev.flowform.flowservice.FlowServiceApi;
import dev.flowform.model.ConnectionSpecRef;
import dev.flowform.model.RemoteConnection;
import java.util.List;
import java.util.Optional;

/**
 * Finds an address's own connection again by its name, since names are not unique on the platform:
 * only connections of exactly that name and spec, never one recorded for another address.
 */
final class NameLookup {
  private final FlowServiceApi api;
  private final StateRecorder recorder;

  NameLookup(FlowServiceApi api, StateRecorder recorder) {
    this.api = api;
    this.recorder = recorder;
  }

  /**
   * The single match, or empty when there is none.
   *
   * @throws FlowformException when several match, naming their ids (nothing is sent)
   */
  Optional<RemoteConnection> single(String address, String name, ConnectionSpecRef spec) {
    List<RemoteConnection> matches = candidates(address, name, spec);
    if (matches.size() > 1) {
      throw new FlowformException(
          "the platform has "
              + matches.size()
              + " connections named \""
              + name
              + "\" ("
              + String.join(", ", matches.stream().map(RemoteConnection::id).toList())
              + "); flowform cannot tell which one it created, so it sent nothing",
          "keep one: `flowform import --env "
              + recorder.current().environment()
              + " "
              + address
              + " ID` the right one and delete the others, then apply again");
    }
    return matches.stream().findFirst();
  }

  private List<RemoteConnection> candidates(String address, String name, ConnectionSpecRef spec) {
    return api.findByName(name).stream()
        .filter(r -> name.equals(r.name()))
        .filter(r -> sameSpec(r.connectionSpec(), spec))
        .filter(r -> !recorder.ownedByOther(r.id(), address))
        .toList();
  }

  static boolean sameSpec(ConnectionSpecRef remote, ConnectionSpecRef wanted) {
    return remote == null
        || wanted == null
        || remote.id() == null
        || remote.id().equalsIgnoreCase(wanted.id());
  }
}
