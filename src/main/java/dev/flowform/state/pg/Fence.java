package dev.flowform.state.pg;

import dev.flowform.model.PostgresUrl;
import dev.flowform.state.StateConflictException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The fencing token of one acquisition of a key's lock (after Martin Kleppmann's "fencing tokens"):
 * the key's epoch as that acquisition moved it on, and the server session holding the advisory
 * lock. Every write of a fenced store checks it first, in the write's own transaction, with the
 * key's slot row share-locked until the commit: a write commits only while the epoch is still this
 * one (no other run took the lock since) and the lock's session still holds the lock (a terminated
 * or dropped session loses it). A run whose write is refused sends nothing more.
 *
 * @param epoch the key's {@code lock_slots.epoch} as this acquisition set it
 * @param lockSession the server pid of the session holding the advisory lock
 * @param key the advisory lock's two numbers
 */
record Fence(long epoch, int lockSession, LockRows.AdvisoryKey key) {

  /**
   * Checks the fence in {@code c}'s open transaction, and holds the key's slot row until it ends.
   *
   * @throws StateConflictException when the lock changed hands or its session is gone
   */
  void check(Connection c, PostgresUrl url) throws SQLException {
    Tables tables = Tables.of(url);
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT s.epoch, EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory'"
                + " AND l.granted AND l.pid = ? AND l.objsubid = 2"
                + " AND l.database = (SELECT oid FROM pg_database"
                + " WHERE datname = current_database())"
                + " AND CAST(l.classid AS bigint) = ? AND CAST(l.objid AS bigint) = ?) FROM "
                + tables.lockSlots()
                + " s WHERE s.key = ? FOR SHARE OF s")) {
      query.setInt(1, lockSession);
      query.setLong(2, key.tableOid());
      query.setLong(3, Integer.toUnsignedLong(key.slot()));
      query.setString(4, url.key());
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw lost(url, "its lock slot is gone");
        }
        long now = row.getLong(1);
        if (now != epoch) {
          throw lost(
              url,
              "another run took the lock since (lock epoch " + now + ", this run's " + epoch + ")");
        }
        if (!row.getBoolean(2)) {
          throw lost(url, "the database session holding its lock ended");
        }
      }
    }
  }

  private static StateConflictException lost(PostgresUrl url, String why) {
    return new StateConflictException(
        "this run no longer holds the lock of "
            + Failures.where(url)
            + ": "
            + why
            + "; nothing was recorded",
        "this run sends nothing more. Run plan again to see where things stand: a create left"
            + " pending is looked up by name before anything is sent again");
  }
}
