package dev.flowform.testing;

import static dev.flowform.testing.Fixtures.LINEAGE;
import static dev.flowform.testing.Fixtures.ORG;
import static dev.flowform.testing.Fixtures.SALT;
import static dev.flowform.testing.Fixtures.T0;

import dev.flowform.manifest.DesiredConnection;
import dev.flowform.model.ConnectionSpecRef;
import dev.flowform.model.Endpoint;
import dev.flowform.plan.Fingerprints;
import dev.flowform.state.ResourceState;
import dev.flowform.state.ResourceStatus;
import dev.flowform.state.State;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** States and records to test with: realistic, deterministic, and free of any secret. */
public final class StateFixtures {
  private StateFixtures() {}

  /** The state of {@link Fixtures#environment()} before anything was applied. */
  public static State empty() {
    return state(0, new TreeMap<>());
  }

  /** A state of {@code count} created connections, addresses {@code conn-00000}... */
  public static State withResources(int count) {
    SortedMap<String, ResourceState> resources = new TreeMap<>();
    for (int i = 0; i < count; i++) {
      resources.put(address(i), created(i));
    }
    return state(count, resources);
  }

  /** A state (serial 7) of these records. */
  public static Optional<State> state(Map<String, ResourceState> resources) {
    return Optional.of(state(7, new TreeMap<>(resources)));
  }

  private static State state(long serial, SortedMap<String, ResourceState> resources) {
    return new State(
        State.FORMAT_VERSION,
        LINEAGE,
        serial,
        "dev",
        "dev",
        ORG,
        Endpoint.DEFAULT_URL,
        SALT,
        resources);
  }

  public static String address(int i) {
    return String.format("conn-%05d", i);
  }

  /** The {@code i}th numbered record, its create sent but never confirmed. */
  public static ResourceState pending(int i) {
    SortedMap<String, String> params = new TreeMap<>();
    params.put("clientId", "client-" + i);
    SortedMap<String, String> fingerprints = new TreeMap<>();
    fingerprints.put("accessToken", Fingerprints.of(SALT, "token-" + i));
    fingerprints.put("clientSecret", Fingerprints.of(SALT, "secret-" + i));
    return new ResourceState(
        "HubSpotConnection",
        ResourceStatus.PENDING,
        null,
        null,
        "HubSpot " + i,
        "Marketing CRM contacts " + i,
        ConnectionSpecRef.HUBSPOT,
        "Basic Authentication",
        params,
        fingerprints,
        null,
        null);
  }

  /** The {@code i}th numbered record, created. */
  public static ResourceState created(int i) {
    return created(i, "\"d403848a-" + i + "\"");
  }

  /** The {@code i}th numbered record, created, with this etag. */
  public static ResourceState created(int i, String etag) {
    return pending(i)
        .withCreated(String.format("2fce94c1-0000-4000-8000-%012d", i), etag, T0.plusSeconds(i));
  }

  /** What state would hold after creating {@code c} as {@code id}. */
  public static ResourceState recorded(DesiredConnection c, String id) {
    return new ResourceState(
        DesiredConnection.KIND,
        ResourceStatus.CREATED,
        id,
        etagOf(id, 1),
        c.name(),
        c.description(),
        c.connectionSpec(),
        c.authSpecName(),
        c.params(),
        Fingerprints.ofAll(SALT, c.secrets()),
        T0,
        T0);
  }

  /** A create of {@code c} recorded before its POST, never confirmed. */
  public static ResourceState pending(DesiredConnection c) {
    ResourceState done = recorded(c, "unused");
    return new ResourceState(
        done.kind(),
        ResourceStatus.PENDING,
        null,
        null,
        done.name(),
        done.description(),
        done.connectionSpec(),
        done.authSpecName(),
        done.params(),
        done.secretFingerprints(),
        T0,
        T0);
  }

  public static String etagOf(String id, int version) {
    return "\"etag-" + id + "-" + version + "\"";
  }
}
