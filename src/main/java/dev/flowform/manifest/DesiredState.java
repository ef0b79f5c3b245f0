package dev.flowform.manifest;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What the manifests want for one environment.
 *
 * @param connections by address, sorted
 * @param digest the {@link #manifestDigest()}, made when first asked
 * @param resources the resources of pipeline kinds, by address, sorted
 */
public record DesiredState(
    EnvironmentConfig environment,
    SortedMap<String, DesiredConnection> connections,
    Digest digest,
    SortedMap<String, DesiredResource> resources) {

  public DesiredState {
    connections = Collections.unmodifiableSortedMap(new TreeMap<>(connections));
    resources =
        Collections.unmodifiableSortedMap(new TreeMap<>(resources == null ? Map.of() : resources));
  }

  /**
   * @param manifestDigest {@code sha256:<hex>} over the environment's interpolated desired
   *     connections (no secret values), so a saved plan can tell when the manifests moved
   */
  public DesiredState(
      EnvironmentConfig environment,
      SortedMap<String, DesiredConnection> connections,
      String manifestDigest,
      SortedMap<String, DesiredResource> resources) {
    this(environment, connections, Digest.of(manifestDigest), resources);
  }

  /** Connections only. */
  public DesiredState(
      EnvironmentConfig environment,
      SortedMap<String, DesiredConnection> connections,
      String manifestDigest) {
    this(environment, connections, manifestDigest, new TreeMap<>());
  }

  /**
   * {@code sha256:<hex>} over the environment's interpolated desired connections (no secret
   * values), so a saved plan can tell when the manifests moved.
   */
  public String manifestDigest() {
    return digest.value();
  }

  /**
   * A digest made once, when first asked: hashing every connection is work that {@code validate},
   * which never shows it, would do for nothing. Equal when the digests are.
   */
  public static final class Digest {
    private final Supplier<String> make;
    private volatile String value;

    private Digest(Supplier<String> make, String value) {
      this.make = make;
      this.value = value;
    }

    /** A digest already made. */
    public static Digest of(String value) {
      return new Digest(null, Objects.requireNonNull(value, "digest"));
    }

    /** A digest that {@code make} makes when it is first asked for (a pure function). */
    public static Digest later(Supplier<String> make) {
      return new Digest(Objects.requireNonNull(make, "make"), null);
    }

    public String value() {
      String made = value;
      if (made == null) {
        // made at most once per thread that races here, and always the same: no lock needed
        made = Objects.requireNonNull(make.get(), "digest");
        value = made;
      }
      return made;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Digest d && value().equals(d.value());
    }

    @Override
    public int hashCode() {
      return value().hashCode();
    }

    @Override
    public String toString() {
      return value();
    }
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
    return of(environment, connections, Digest.of(digest), resources);
  }

  public static DesiredState of(
      EnvironmentConfig environment,
      Collection<DesiredConnection> connections,
      Digest digest,
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
