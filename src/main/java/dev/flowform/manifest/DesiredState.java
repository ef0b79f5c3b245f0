package dev.flowform.manifest;

import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the manifests want for one environment.
 *
 * @param connections by address, sorted
 * @param manifestDigest {@code sha256:<hex>} over the environment's interpolated desired
 *     connections (no secret values), so a saved plan can tell when the manifests moved
 */
public record DesiredState(
    EnvironmentConfig environment,
    SortedMap<String, DesiredConnection> connections,
    String manifestDigest) {

  public DesiredState {
    connections = Collections.unmodifiableSortedMap(new TreeMap<>(connections));
  }

  public static DesiredState of(
      EnvironmentConfig environment, Collection<DesiredConnection> connections, String digest) {
    SortedMap<String, DesiredConnection> byAddress = new TreeMap<>();
    connections.forEach(c -> byAddress.put(c.address(), c));
    return new DesiredState(environment, byAddress, digest);
  }

  public Optional<DesiredConnection> connection(String address) {
    return Optional.ofNullable(connections.get(address));
  }
}
