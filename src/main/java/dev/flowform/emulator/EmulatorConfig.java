package dev.flowform.emulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * How to run a {@link FlowServiceEmulator}. Start from {@link #defaults()} and change what matters.
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
 * @param pageSize how many connections a list returns when no {@code limit} is given
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
    int pageSize) {

  /** Seconds an IMS token lives by default, as Adobe answers ({@code expires_in}). */
  public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(86_399);

  /** Connections per page when a list gives no {@code limit}. */
  public static final int DEFAULT_PAGE_SIZE = 20;

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
  }

  /** A free port, in memory, no latency or faults, any client, seed 0, the system clock. */
  public static EmulatorConfig defaults() {
    return new EmulatorConfig(
        0,
        Optional.empty(),
        Duration.ZERO,
        Faults.none(),
        Optional.empty(),
        Optional.empty(),
        0L,
        Clock.systemUTC(),
        DEFAULT_TOKEN_LIFETIME,
        DEFAULT_PAGE_SIZE);
  }

  public EmulatorConfig withPort(int port) {
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
        pageSize);
  }

  public EmulatorConfig withDataFile(Path file) {
    return new EmulatorConfig(
        port,
        Optional.of(file),
        latency,
        faults,
        clientId,
        clientSecret,
        seed,
        clock,
        tokenLifetime,
        pageSize);
  }

  public EmulatorConfig withLatency(Duration latency) {
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
        pageSize);
  }

  public EmulatorConfig withFaults(Faults faults) {
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
        pageSize);
  }

  /** IMS grants tokens only to this client id and secret. */
  public EmulatorConfig withClient(String id, String secret) {
    return new EmulatorConfig(
        port,
        dataFile,
        latency,
        faults,
        Optional.of(id),
        Optional.of(secret),
        seed,
        clock,
        tokenLifetime,
        pageSize);
  }

  public EmulatorConfig withSeed(long seed) {
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
        pageSize);
  }

  public EmulatorConfig withClock(Clock clock) {
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
        pageSize);
  }

  public EmulatorConfig withTokenLifetime(Duration lifetime) {
    return new EmulatorConfig(
        port, dataFile, latency, faults, clientId, clientSecret, seed, clock, lifetime, pageSize);
  }

  public EmulatorConfig withPageSize(int pageSize) {
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
        pageSize);
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
        + "]";
  }
}
