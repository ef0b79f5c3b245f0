package dev.flowform.state.pg;

import dev.flowform.model.PostgresUrl;
import dev.flowform.state.StateBackend;
import dev.flowform.state.StateLock;
import dev.flowform.state.StateStore;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * State in PostgreSQL: one committed transaction per record, every version kept, and the lock in
 * the database (released when its holder's connection drops).
 *
 * @param author who writes, as each kept version records it
 * @param pid this process's id, as the lock row shows it
 * @param version flowform's version, as the lock row shows it
 * @param ids lock ids, e.g. {@code UUID::randomUUID}
 */
public record PostgresStateBackend(
    PostgresUrl url, Author author, Clock clock, long pid, String version, Supplier<UUID> ids)
    implements StateBackend {

  @Override
  public StateStore openStore() {
    return PostgresStateStore.open(url, author, clock);
  }

  @Override
  public StateStore openReadOnlyStore() {
    return PostgresStateStore.openReadOnly(url);
  }

  @Override
  public StateLock lock() {
    return new PostgresStateLock(url, clock, pid, version, ids);
  }

  @Override
  public String shownAs() {
    return url.redacted();
  }
}
