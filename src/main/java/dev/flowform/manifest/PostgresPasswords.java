package dev.flowform.manifest;

import dev.flowform.model.StateLocation;
import java.util.Optional;

/**
 * The password of a PostgreSQL state, from its URL or {@code PGPASSWORD}: a secret like any other,
 * so the run's scrubber learns it wherever the run resolves a state URL.
 */
public final class PostgresPasswords {
  private PostgresPasswords() {}

  /** The password a state location holds, if it is a PostgreSQL URL that has one. */
  public static Optional<String> of(StateLocation location) {
    if (location instanceof StateLocation.Postgres postgres) {
      return Optional.ofNullable(postgres.url().password()).filter(p -> !p.isEmpty());
    }
    return Optional.empty();
  }
}
