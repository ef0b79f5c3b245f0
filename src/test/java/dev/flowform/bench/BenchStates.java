package dev.flowform.bench;

import dev.flowform.model.ConnectionSpecRef;
import dev.flowform.state.ResourceState;
import dev.flowform.state.ResourceStatus;
import dev.flowform.state.State;
import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The states the state benchmarks record into: {@code size} created connections, no secret. */
final class BenchStates {
  private static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");

  private BenchStates() {}

  static State filled(int size) {
    SortedMap<String, ResourceState> resources = new TreeMap<>();
    for (int i = 0; i < size; i++) {
      String address = "c-" + i;
      resources.put(address, resource(address, "v0"));
    }
    State empty = State.empty("bench", "bench", "ORG@AdobeOrg", "https://example.test", "salt");
    return new State(
        empty.formatVersion(),
        empty.lineage(),
        1,
        empty.environment(),
        empty.sandbox(),
        empty.orgId(),
        empty.endpoint(),
        empty.fingerprintSalt(),
        resources);
  }

  static ResourceState resource(String address, String etag) {
    return new ResourceState(
        "HubSpotConnection",
        ResourceStatus.CREATED,
        "id-" + address,
        "\"" + etag + "\"",
        "Bench " + address,
        "benchmark connection",
        ConnectionSpecRef.HUBSPOT,
        "OAuth2 Refresh Code",
        new TreeMap<>(Map.of("clientId", "app-" + address)),
        new TreeMap<>(Map.of("clientSecret", "sha256:" + "0".repeat(64))),
        AT,
        AT);
  }
}
