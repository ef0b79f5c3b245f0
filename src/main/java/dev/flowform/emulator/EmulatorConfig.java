package dev.flowform.emulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How to run a {@link FlowServiceEmulator}: {@link #defaults()}, or {@link #builder()} (and {@link
 * #toBuilder()}) to change what matters, like {@code
 * EmulatorConfig.builder().port(0).dataFile(file).seed(7).build()}.
 *
 * @param port the loopback port; 0 picks a free one
 * @param dataFile where connections persist (JSON, written atomically after each change); empty
 *     keeps them in memory
 * @param latency added to every request before it is handled
 * @param faults failures to inject
 * @param clientId when present, the only client id IMS grants tokens to
 * @param clientSecret when present, the only client secret IMS accepts
 * @param seed seeds ids, etags, tokens and fault draws, so a run is repeatable
 * @param clock the time of creation stamps, etags, token expiry and rate-limit windows
 * @param tokenLifetime how long an issued token is valid
 * @param pageSize how many connections a list returns when no {@code limit} is given; at most
 *     {@code maxPageSize}
 * @param maxPageSize the most connections one list answer holds: a larger {@code limit} is clamped
 *     to it (Adobe's OpenAPI gives the list's {@code limit} no maximum, so it is not refused), and
 *     the rest follows through {@code _links.next}. Default {@value #DEFAULT_MAX_PAGE_SIZE}
 * @param sandboxes the sandboxes that exist (in every org); a call naming another answers {@code
 *     2100-404} "sandbox not found". Empty (the default): every well-formed sandbox name exists
 * @param orgIds the orgs (like {@code 5C13...@AdobeOrg}) tokens have access to; a call for another
 *     org answers {@code 2000-401}. Empty (the default): any org
 */
public record EmulatorConfig(
    int port,
    Optional<Path> dataFile,
    Duration latency,
    Faults faults,
    Optional<String> clientId,
    Optional<String> clientSecret,
    long seed,
    Clock clock,
    Duration tokenLifetime,
    int pageSize,
    int maxPageSize,
    Set<String> sandboxes,
    Set<String> orgIds) {

  /** Seconds an IMS token lives by default, as Adobe answers ({@code expires_in}). */
  public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(86_399);

  /** Connections per page when a list gives no {@code limit}. */
  public static final int DEFAULT_PAGE_SIZE = 20;

  /** The most connections one list answer holds, whatever its {@code limit}. */
  public static final int DEFAULT_MAX_PAGE_SIZE = 100;

  public EmulatorConfig {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be within [0, 65535]");
    }
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative");
    }
    if (clientId.isPresent() != clientSecret.isPresent()) {
      throw new IllegalArgumentException("give both a client id and a client secret, or neither");
    }
    if (tokenLifetime.isNegative()) {
      throw new IllegalArgumentException("token lifetime must not be negative");
    }
    if (pageSize < 1) {
      throw new IllegalArgumentException("page size must be at least 1");
    }
    if (pageSize > maxPageSize) {
      throw new IllegalArgumentException(
          "page size " + pageSize + " is above the max page size " + maxPageSize);
    }
    for (String sandbox : sandboxes) {
      if (!GatewayChecks.SANDBOX.matcher(sandbox).matches()) {
        throw new IllegalArgumentException(
            "'" + sandbox + "' is not a sandbox name (lowercase letters, digits and dashes)");
      }
    }
    for (String org : orgIds) {
      if (org.isBlank()) {
        throw new IllegalArgumentException("an org id must not be blank");
      }
    }
    sandboxes = Set.copyOf(sandboxes);
    orgIds = Set.copyOf(orgIds);
  }

  /** A free port, in memory, no latency or faults, any client, seed 0, the system clock. */
  public static EmulatorConfig defaults() {
    return builder().build();
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Never shows the client secret. */
  @Override
  public String toString() {
    return "EmulatorConfig[port="
        + port
        + ", dataFile="
        + dataFile
        + ", latency="
        + latency
        + ", faults="
        + faults
        + ", clientId="
        + clientId
        + ", clientSecret="
        + clientSecret.map(s -> "(sensitive)")
        + ", seed="
        + seed
        + ", tokenLifetime="
        + tokenLifetime
        + ", pageSize="
        + pageSize
        + ", maxPageSize="
        + maxPageSize
        + ", sandboxes="
        + new TreeSet<>(sandboxes)
        + ", orgIds="
        + new TreeSet<>(orgIds)
        + "]";
  }

  /**
   * Collects the settings of an {@link EmulatorConfig}; {@link #build()} checks them and gives the
   * immutable configuration. A builder is not meant to be shared between threads.
   */
  public static final class Builder {
    private int port;
    private Optional<Path> dataFile = Optional.empty();
    private Duration latency = Duration.ZERO;
    private Faults faults = Faults.none();
    private Optional<String> clientId = Optional.empty();
    private Optional<String> clientSecret = Optional.empty();
    private long seed;
    private Clock clock = Clock.systemUTC();
    private Duration tokenLifetime = DEFAULT_TOKEN_LIFETIME;
    private Integer pageSize;
    private int maxPageSize = DEFAULT_MAX_PAGE_SIZE;
    private Set<String> sandboxes = Set.of();
    private Set<String> orgIds = Set.of();

    private Builder() {}

    private Builder(EmulatorConfig config) {
      port = config.port;
      dataFile = config.dataFile;
      latency = config.latency;
      faults = config.faults;
      clientId = config.clientId;
      clientSecret = config.clientSecret;
      seed = config.seed;
      clock = config.clock;
      tokenLifetime = config.tokenLifetime;
      pageSize = config.pageSize;
      maxPageSize = config.maxPageSize;
      sandboxes = config.sandboxes;
      orgIds = config.orgIds;
    }

    /** The loopback port; 0 (the default) picks a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Persist connections in this JSON file (default: in memory only). */
    public Builder dataFile(Path file) {
      this.dataFile = Optional.of(Objects.requireNonNull(file, "file"));
      return this;
    }

    public Builder latency(Duration latency) {
      this.latency = Objects.requireNonNull(latency, "latency");
      return this;
    }

    public Builder faults(Faults faults) {
      this.faults = Objects.requireNonNull(faults, "faults");
      return this;
    }

    /** IMS grants tokens only to this client id and secret (default: to any). */
    public Builder client(String id, String secret) {
      this.clientId = Optional.of(id);
      this.clientSecret = Optional.of(secret);
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder tokenLifetime(Duration lifetime) {
      this.tokenLifetime = Objects.requireNonNull(lifetime, "lifetime");
      return this;
    }

    /**
     * Connections per page when a list gives no {@code limit} (default {@value #DEFAULT_PAGE_SIZE},
     * or the max page size when that is smaller).
     */
    public Builder pageSize(int pageSize) {
      this.pageSize = pageSize;
      return this;
    }

    /**
     * The most connections one list answer holds; a larger {@code limit} is clamped to it (default
     * {@value #DEFAULT_MAX_PAGE_SIZE}).
     */
    public Builder maxPageSize(int maxPageSize) {
      this.maxPageSize = maxPageSize;
      return this;
    }

    /**
     * The only sandboxes that exist; others answer {@code 2100-404}. Empty (the default): any
     * well-formed sandbox name.
     */
    public Builder sandboxes(Set<String> sandboxes) {
      this.sandboxes = Set.copyOf(sandboxes);
      return this;
    }

    /** The only orgs tokens have access to; others answer {@code 2000-401}. Empty: any org. */
    public Builder orgIds(Set<String> orgIds) {
      this.orgIds = Set.copyOf(orgIds);
      return this;
    }

    /**
     * The configuration.
     *
     * @throws IllegalArgumentException when a setting is out of range
     */
    public EmulatorConfig build() {
      return new EmulatorConfig(
          port,
          dataFile,
          latency,
          faults,
          clientId,
          clientSecret,
          seed,
          clock,
          tokenLifetime,
          pageSize != null ? pageSize : Math.min(DEFAULT_PAGE_SIZE, maxPageSize),
          maxPageSize,
          sandboxes,
          orgIds);
    }
  }
}
