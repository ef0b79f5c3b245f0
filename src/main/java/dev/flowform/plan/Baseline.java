package dev.flowform.plan;

import dev.flowform.model.ConnectionSpecRef;
import dev.flowform.model.RemoteConnection;
import dev.flowform.state.ResourceState;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What flowform believes a recorded connection is now: the recorded values, with the name,
 * description and etag a refresh read when it read one.
 *
 * @param drifted whether the refresh found a name or description other than the recorded one
 */
record Baseline(
    String id,
    String etag,
    String name,
    String description,
    ConnectionSpecRef connectionSpec,
    String authSpecName,
    SortedMap<String, String> params,
    SortedMap<String, String> secretFingerprints,
    boolean drifted) {

  /**
   * A connection flowform is about to take over, as the platform has it: its plain params (those
   * the manifest has as plain), no fingerprint (secrets cannot be read back).
   */
  static Baseline ofRemote(RemoteConnection remote, dev.flowform.manifest.DesiredConnection want) {
    SortedMap<String, String> params = new java.util.TreeMap<>();
    remote
        .params()
        .forEach(
            (key, value) -> {
              if (want.params().containsKey(key) && value != null) {
                params.put(key, value);
              }
            });
    return new Baseline(
        remote.id(),
        remote.etag(),
        remote.name(),
        remote.description(),
        remote.connectionSpec(),
        remote.authSpecName(),
        params,
        new java.util.TreeMap<>(),
        false);
  }

  static Baseline of(ResourceState recorded, Optional<RemoteConnection> remote) {
    if (remote.isEmpty()) {
      return new Baseline(
          recorded.id(),
          recorded.etag(),
          recorded.name(),
          recorded.description(),
          recorded.connectionSpec(),
          recorded.authSpecName(),
          recorded.params(),
          recorded.secretFingerprints(),
          false);
    }
    RemoteConnection actual = remote.get();
    boolean drifted =
        !Objects.equals(actual.name(), recorded.name())
            || !Objects.equals(
                ConnectionDiff.blankToNull(actual.description()),
                ConnectionDiff.blankToNull(recorded.description()));
    return new Baseline(
        recorded.id(),
        actual.etag() == null ? recorded.etag() : actual.etag(),
        actual.name(),
        actual.description(),
        recorded.connectionSpec(),
        recorded.authSpecName(),
        recorded.params(),
        recorded.secretFingerprints(),
        drifted);
  }
}
