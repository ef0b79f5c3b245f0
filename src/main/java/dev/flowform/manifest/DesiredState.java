package dev.flowform.manifest;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the manifests want for one environment.
 *
 * @param connections by address, sorted
 * @param resources the resources of pipeline kinds, by address, sorted
 * @param manifestDigest {@code sha256:<hex>} over the environment's interpolated desired
 *     connections (no secret values), so a saved plan can tell when the manifests moved
 */
public record DesiredState(
    EnvironmentConfig environment,
    SortedMap<String, DesiredConnection> connections,
    String manifestDigest,
    SortedMap<String, DesiredResource> resources) {

  public DesiredState {
    connections = Collections.unmodifiableSortedMap(new TreeMap<>(connections));
    resources =
        Collections.unmodifiableSortedMap(new TreeMap<>(resources == null ? Map.of() : resources));
  }

  /** Connections only. */
  public DesiredState(
      EnvironmentConfig environment,
      SortedMap<String, DesiredConnection> connections,
      String manifestDigest) {
    this(environment, connections, manifestDigest, new TreeMap<>());
  }

  public static DesiredState of(
      EnvironmentConfig environment, Collection<DesiredConnection> connections, String digest) {
    return of(environment, connections, digest, List.of());
  }

  public static DesiredState of(
      EnvironmentConfig environment,
      Collection<DesiredConnection> connections,
      String digest,
      Collection<DesiredResource> resources) {
    SortedMap<String, DesiredConnection> byAddress = new TreeMap<>();
    connections.forEach(c -> byAddress.put(c.address(), c));
    SortedMap<String, DesiredResource> pipeline = new TreeMap<>();
    resources.forEach(r -> pipeline.put(r.address(), r));
    return new DesiredState(environment, byAddress, digest, pipeline);
  }

  public Optional<DesiredResource> resource(String address) {
    return Optional.ofNullable(resources.get(address));
  }

  /** True when {@code address} is wanted, of any kind. */
  public boolean wants(String address) {
    return connections.containsKey(address) || resources.containsKey(address);
  }

  public Optional<DesiredConnection> connection(String address) {
    return Optional.ofNullable(connections.get(address));
  }
}
