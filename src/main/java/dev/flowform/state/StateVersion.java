package dev.flowform.state;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a state kept in its history: who made it, when and with which operation.
 *
 * @param version the flowform version that wrote it
 * @param changes how many resources it set or removed
 * @param address the one address it changed, when it changed exactly one, or the address a move
 *     recorded a connection at
 * @param movedFrom the address a move ({@code state mv}) took the connection from
 */
public record StateVersion(
    long serial,
    Instant at,
    String operation,
    String who,
    String version,
    int changes,
    Optional<String> address,
    Optional<String> movedFrom) {
  public StateVersion {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(who, "who");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(movedFrom, "movedFrom");
  }

  /** What it changed, for people: {@code a}, {@code a -> b} for a move, or how many addresses. */
  public String changed() {
    if (address.isEmpty()) {
      return changes + " address(es)";
    }
    return movedFrom.map(from -> from + " -> " + address.get()).orElse(address.get());
  }
}
