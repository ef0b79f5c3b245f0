package dev.flowform.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The access tokens IMS issued, with the client each belongs to and when it expires. */
final class TokenRegistry {
  private record Issued(String clientId, Instant expiresAt) {}

  private final Map<String, Issued> tokens = new ConcurrentHashMap<>();
  private final Ids ids;
  private final Clock clock;
  private final Duration lifetime;

  TokenRegistry(Ids ids, Clock clock, Duration lifetime) {
    this.ids = ids;
    this.clock = clock;
    this.lifetime = lifetime;
  }

  /** A new token for this client, valid for the configured lifetime. */
  String issue(String clientId) {
    String token = ids.token();
    tokens.put(token, new Issued(clientId, clock.instant().plus(lifetime)));
    return token;
  }

  Duration lifetime() {
    return lifetime;
  }

  /** The client a still valid token was issued to; empty when unknown or expired. */
  Optional<String> clientOf(String token) {
    Issued issued = tokens.get(token);
    if (issued == null || !clock.instant().isBefore(issued.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(issued.clientId());
  }

  /** Every token issued so far stops working, as if it had expired. */
  void expireAll() {
    tokens.clear();
  }
}
