package dev.flowform.state;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The state of one environment: which connections flowform manages there, bound to one sandbox, org
 * and endpoint.
 *
 * @param lineage a UUID fixed when the state is first written; a saved plan is only valid for it
 * @param serial grows by one with each write that changes something
 * @param fingerprintSalt the salt of every secret fingerprint in this state
 */
@JsonPropertyOrder({
  "formatVersion",
  "lineage",
  "serial",
  "environment",
  "sandbox",
  "orgId",
  "endpoint",
  "fingerprintSalt",
  "resources"
})
public record State(
    int formatVersion,
    String lineage,
    long serial,
    String environment,
    String sandbox,
    String orgId,
    String endpoint,
    String fingerprintSalt,
    SortedMap<String, ResourceState> resources) {

  public static final int FORMAT_VERSION = 1;

  /**
   * Keeps {@code resources} as an immutable persistent map (a copy unless it is one already), so
   * that {@link #with} and {@link #without} cost O(log n) and share the rest with this state.
   */
  public State {
    resources =
        resources == null ? PersistentSortedMap.empty() : PersistentSortedMap.copyOf(resources);
  }

  /** A new, empty state with a fresh lineage and salt. */
  public static State empty(
      String environment, String sandbox, String orgId, String endpoint, String salt) {
    return new State(
        FORMAT_VERSION,
        UUID.randomUUID().toString(),
        0,
        environment,
        sandbox,
        orgId,
        endpoint,
        salt,
        new TreeMap<>());
  }

  public Optional<ResourceState> resource(String address) {
    return Optional.ofNullable(resources.get(address));
  }

  /** This state with {@code address} set to {@code resource} and the serial moved on. */
  public State with(String address, ResourceState resource) {
    return withResources(persistent().plus(address, resource));
  }

  /** This state without {@code address} and the serial moved on. */
  public State without(String address) {
    return withResources(persistent().minus(address));
  }

  private PersistentSortedMap<String, ResourceState> persistent() {
    return PersistentSortedMap.copyOf(resources);
  }

  /** This state with {@code next} as its resources and the serial moved on. */
  public State withResources(SortedMap<String, ResourceState> next) {
    return new State(
        formatVersion,
        lineage,
        serial + 1,
        environment,
        sandbox,
        orgId,
        endpoint,
        fingerprintSalt,
        next);
  }
}
