package dev.flowform.state.pg;

import dev.flowform.state.LockHandle;
import dev.flowform.state.LockInfo;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A held PostgreSQL state lock: its own connection, kept open for the whole run. Closing deletes
 * the holder row, releases the advisory lock and closes the connection (which would release it
 * anyway). Idempotent.
 */
final class PostgresLockHandle implements LockHandle {
  private final LockInfo info;
  private final Connection connection;
  private final LockRows.AdvisoryKey key;
  private final LockRows rows;
  private final Fence fence;
  private boolean closed;

  PostgresLockHandle(
      LockInfo info, Connection connection, LockRows.AdvisoryKey key, LockRows rows, Fence fence) {
    this.fence = fence;
    this.info = info;
    this.connection = connection;
    this.key = key;
    this.rows = rows;
  }

  @Override
  public LockInfo info() {
    return info;
  }

  /** The fencing token of this acquisition: what every write of the state checks. */
  Fence fence() {
    return fence;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      rows.deleteHolder(connection, info.id());
      rows.unlock(connection, key);
    } catch (SQLException e) {
      // the connection is gone: the server released the lock with it; a stale row is only a label
    } finally {
      try {
        connection.close();
      } catch (SQLException e) {
        // as above
      }
    }
  }
}
