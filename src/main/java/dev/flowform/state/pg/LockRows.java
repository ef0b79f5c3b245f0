package dev.flowform.state.pg;

import dev.flowform.model.PostgresUrl;
import dev.flowform.state.LockInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The SQL of a key's lock. The lock itself is a session-level advisory lock on two numbers: the
 * {@code lock_slots} table's object id (unique in the database, so two flowform schemas never share
 * a lock) and the key's slot there (a number given once per key and never reused, so two keys never
 * share one: no hashing, no collision). The server releases it the moment the holding session ends,
 * however it ends. The {@code locks} row only says who holds it.
 */
final class LockRows {
  private final Tables tables;
  private final PostgresUrl url;

  LockRows(PostgresUrl url) {
    this.tables = Tables.of(url);
    this.url = url;
  }

  /** Who holds a key's lock, as its row says, and the server session that wrote the row. */
  record Holder(LockInfo info, int serverPid) {}

  /** The two numbers of this key's advisory lock, making the key's slot when it has none. */
  AdvisoryKey advisoryKey(Connection c) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO "
                + tables.lockSlots()
                + " (key) VALUES (?) ON CONFLICT (key) DO NOTHING")) {
      insert.setString(1, url.key());
      insert.executeUpdate();
    }
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT CAST(CAST(to_regclass(?) AS oid) AS bigint), slot FROM "
                + tables.lockSlots()
                + " WHERE key = ?")) {
      query.setString(1, tables.lockSlots());
      query.setString(2, url.key());
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return new AdvisoryKey(row.getLong(1), row.getInt(2));
      }
    }
  }

  /** Both numbers of an advisory lock, as {@code pg_try_advisory_lock(int, int)} takes them. */
  record AdvisoryKey(long tableOid, int slot) {
    /** The oid (unsigned 32 bits) as the signed int the two-key functions take. */
    int classId() {
      return (int) tableOid;
    }
  }

  /**
   * Moves the key's fencing epoch on, once its lock is taken, and returns the token of this
   * acquisition: every write that checks an older one is refused from now on.
   */
  Fence nextFence(Connection c, AdvisoryKey key) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE "
                + tables.lockSlots()
                + " SET epoch = epoch + 1 WHERE key = ? RETURNING epoch, pg_backend_pid()")) {
      update.setString(1, url.key());
      try (ResultSet row = update.executeQuery()) {
        row.next();
        return new Fence(row.getLong(1), row.getInt(2), key);
      }
    }
  }

  boolean tryLock(Connection c, AdvisoryKey key) throws SQLException {
    return bool(c, "SELECT pg_try_advisory_lock(?, ?)", key);
  }

  void unlock(Connection c, AdvisoryKey key) throws SQLException {
    bool(c, "SELECT pg_advisory_unlock(?, ?)", key);
  }

  /** The server session holding the lock now, if any. */
  OptionalInt holderSession(Connection c, AdvisoryKey key) throws SQLException {
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted"
                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                + " AND CAST(classid AS bigint) = ? AND CAST(objid AS bigint) = ? AND objsubid = 2")) {
      query.setLong(1, key.tableOid());
      query.setLong(2, Integer.toUnsignedLong(key.slot()));
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? OptionalInt.of(row.getInt(1)) : OptionalInt.empty();
      }
    }
  }

  /** Writes (or overwrites a stale) holder row, naming this session as the holder. */
  void writeHolder(Connection c, LockInfo info) throws SQLException {
    try (PreparedStatement upsert =
        c.prepareStatement(
            "INSERT INTO "
                + tables.locks()
                + " (key, lock_id, operation, who, pid, flowform_version, since, server_pid)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, pg_backend_pid())"
                + " ON CONFLICT (key) DO UPDATE SET lock_id = EXCLUDED.lock_id,"
                + " operation = EXCLUDED.operation, who = EXCLUDED.who, pid = EXCLUDED.pid,"
                + " flowform_version = EXCLUDED.flowform_version, since = EXCLUDED.since,"
                + " server_pid = EXCLUDED.server_pid")) {
      upsert.setString(1, url.key());
      upsert.setString(2, info.id());
      upsert.setString(3, info.operation());
      upsert.setString(4, info.who());
      upsert.setLong(5, info.pid());
      upsert.setString(6, info.version());
      Columns.setInstant(upsert, 7, info.created());
      upsert.executeUpdate();
    }
  }

  Optional<Holder> holder(Connection c) throws SQLException {
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT lock_id, operation, who, pid, flowform_version, since, server_pid FROM "
                + tables.locks()
                + " WHERE key = ?")) {
      query.setString(1, url.key());
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        LockInfo info =
            new LockInfo(
                row.getString(1),
                row.getString(2),
                row.getString(3),
                row.getLong(4),
                row.getString(5),
                Columns.instant(row, 6),
                url.redacted());
        return Optional.of(new Holder(info, row.getInt(7)));
      }
    }
  }

  /** Deletes the holder row when it is still {@code lockId}'s. */
  void deleteHolder(Connection c, String lockId) throws SQLException {
    try (PreparedStatement delete =
        c.prepareStatement("DELETE FROM " + tables.locks() + " WHERE key = ? AND lock_id = ?")) {
      delete.setString(1, url.key());
      delete.setString(2, lockId);
      delete.executeUpdate();
    }
  }

  private static boolean bool(Connection c, String sql, AdvisoryKey key) throws SQLException {
    try (PreparedStatement query = c.prepareStatement(sql)) {
      query.setInt(1, key.classId());
      query.setInt(2, key.slot());
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getBoolean(1);
      }
    }
  }
}
