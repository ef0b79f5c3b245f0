package dev.flowform.state.pg;

import dev.flowform.model.PostgresUrl;
import dev.flowform.state.LockHandle;
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

  /** A store whose every write checks {@code lock}'s fencing token in its own transaction. */
  @Override
  public StateStore openStore(LockHandle lock) {
    if (lock instanceof PostgresLockHandle held) {
      return PostgresStateStore.open(new PostgresConnector(url), author, clock, held.fence());
    }
    return openStore();
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
