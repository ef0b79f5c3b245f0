package dev.flowform.state.pg;

import dev.flowform.diag.FlowformException;
import dev.flowform.model.PostgresUrl;
import dev.flowform.state.LockHandle;
import dev.flowform.state.LockInfo;
import dev.flowform.state.LockRequest;
import dev.flowform.state.StateLock;
import dev.flowform.state.StateLockedException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The lock of a state kept in PostgreSQL: a session-level advisory lock of its own per key (see
 * {@link LockRows}), held on a connection of its own for the whole run, plus a row in {@code locks}
 * naming the holder. The server releases the lock the moment the holder's session ends (the process
 * killed, the machine gone once TCP keepalives notice it, the connection terminated), so a lock
 * never outlives its run; only its row may, and the next holder overwrites it. Locks of different
 * keys never block each other.
 */
public final class PostgresStateLock implements StateLock {
  static final Duration POLL_INTERVAL = Duration.ofMillis(500);

  private final PostgresConnector connector;
  private final PostgresUrl url;
  private final Clock clock;
  private final long pid;
  private final String version;
  private final Supplier<UUID> ids;
  private final Sleeper sleeper;
  private final LockRows rows;

  /**
   * @param pid this process's id, as the lock row shows it
   * @param version flowform's version, as the lock row shows it (and as schema migrations record)
   * @param ids lock ids, e.g. {@code UUID::randomUUID}
   */
  public PostgresStateLock(
      PostgresUrl url, Clock clock, long pid, String version, Supplier<UUID> ids) {
    this(new PostgresConnector(url), clock, pid, version, ids, Sleeper.real());
  }

  PostgresStateLock(
      PostgresConnector connector,
      Clock clock,
      long pid,
      String version,
      Supplier<UUID> ids,
      Sleeper sleeper) {
    this.connector = connector;
    this.url = connector.url();
    this.clock = clock;
    this.pid = pid;
    this.version = version;
    this.ids = ids;
    this.sleeper = sleeper;
    this.rows = new LockRows(url);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Creates or migrates flowform's schema first when needed. Waiting polls the database, so it
   * waits for a holder on any machine; it is measured in pauses taken, not by the clock.
   */
  @Override
  public LockHandle acquire(LockRequest request, Duration timeout) {
    Connection connection = connector.open();
    try {
      keepAlive(connection);
      new SchemaMigrator(url, version).migrate(connection);
      LockRows.AdvisoryKey key = rows.advisoryKey(connection);
      Duration waited = Duration.ZERO;
      while (!rows.tryLock(connection, key)) {
        if (waited.compareTo(timeout) >= 0) {
          throw locked(connection, key, timeout);
        }
        Duration pause =
            POLL_INTERVAL.compareTo(timeout.minus(waited)) < 0
                ? POLL_INTERVAL
                : timeout.minus(waited);
        pause(pause);
        waited = waited.plus(pause);
      }
      Fence fence = rows.nextFence(connection, key);
      LockInfo info =
          new LockInfo(
              ids.get().toString(),
              request.operation(),
              request.who(),
              pid,
              version,
              Columns.micros(clock.instant()),
              url.redacted());
      rows.writeHolder(connection, info);
      return new PostgresLockHandle(info, connection, key, rows, fence);
    } catch (SQLException e) {
      closeQuietly(connection);
      throw Failures.of(e, url, "taking the lock of state '" + url.key() + "'");
    } catch (RuntimeException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  @Override
  public void forceUnlock(String lockId) {
    Connection connection = connector.open();
    try {
      new SchemaMigrator(url, version).migrate(connection);
      LockRows.Holder holder = matching(connection, lockId);
      LockRows.AdvisoryKey key = rows.advisoryKey(connection);
      if (!rows.tryLock(connection, key)) {
        throw stillHeld(holder, rows.holderSession(connection, key));
      }
      try {
        matching(connection, lockId); // it might have changed hands meanwhile
        rows.deleteHolder(connection, lockId);
      } finally {
        rows.unlock(connection, key);
      }
    } catch (SQLException e) {
      throw Failures.of(e, url, "removing the lock of state '" + url.key() + "'");
    } finally {
      closeQuietly(connection);
    }
  }

  /**
   * Asks the server to notice a dead peer within about a minute rather than hours (the settings are
   * per session and need no privilege), and never to end this session for being idle.
   */
  private static void keepAlive(Connection connection) throws SQLException {
    try (Statement set = connection.createStatement()) {
      // set_config through pg_settings: a setting this server version lacks is skipped
      set.execute(
          "SELECT set_config(name, v.value, false) FROM (VALUES ('tcp_keepalives_idle', '30'),"
              + " ('tcp_keepalives_interval', '10'), ('tcp_keepalives_count', '3'),"
              + " ('idle_session_timeout', '0'), ('idle_in_transaction_session_timeout', '0'))"
              + " AS v (name, value) JOIN pg_settings USING (name)");
    }
  }

  private void pause(Duration pause) {
    try {
      sleeper.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FlowformException(
          "interrupted while waiting for the lock of " + Failures.where(url));
    }
  }

  private LockRows.Holder matching(Connection connection, String lockId) throws SQLException {
    LockRows.Holder holder =
        rows.holder(connection)
            .orElseThrow(
                () ->
                    new FlowformException(
                        Failures.where(url) + " is not locked: it has no lock row",
                        "nothing to unlock"));
    if (!holder.info().id().equals(lockId)) {
      throw new FlowformException(
          "lock id '"
              + lockId
              + "' does not match the lock on "
              + Failures.where(url)
              + ", held by "
              + holder.info().describe(),
          "copy the id from the error that reported the lock; nothing was removed");
    }
    return holder;
  }

  private FlowformException stillHeld(LockRows.Holder holder, OptionalInt session) {
    String serverPid =
        Integer.toString(session.isPresent() ? session.getAsInt() : holder.serverPid());
    return new FlowformException(
        "the lock on "
            + Failures.where(url)
            + " is held by a live database session (server pid "
            + serverPid
            + "): "
            + holder.info().describe()
            + "; force-unlock only removes locks whose run is gone",
        "wait for that run to finish, or stop it: the server releases its lock as soon as its"
            + " connection ends. If its machine is gone and the server has not noticed yet, a"
            + " database administrator can end the session: SELECT pg_terminate_backend("
            + serverPid
            + "); nothing was removed");
  }

  private StateLockedException locked(
      Connection connection, LockRows.AdvisoryKey key, Duration timeout) throws SQLException {
    Optional<LockRows.Holder> row = rows.holder(connection);
    OptionalInt session = rows.holderSession(connection, key);
    Optional<LockInfo> holder =
        row.filter(h -> session.isEmpty() || session.getAsInt() == h.serverPid())
            .map(LockRows.Holder::info);
    String by =
        holder
            .map(LockInfo::describe)
            .orElse(
                "another session"
                    + (session.isPresent() ? " (server pid " + session.getAsInt() + ")" : "")
                    + " that has not written its lock row yet");
    String waited = timeout.isZero() ? "" : " (waited " + timeout + ")";
    String unlock =
        holder.map(h -> "flowform force-unlock " + h.id()).orElse("flowform force-unlock ID");
    return new StateLockedException(
        Failures.where(url) + " is locked by " + by + waited,
        "another flowform run is using this state: wait for it, or retry with a longer"
            + " --lock-timeout (e.g. --lock-timeout=5m). The server releases the lock as soon as"
            + " that run's connection ends; if its machine is gone for good, run: "
            + unlock,
        holder.orElse(null));
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // closing ends the session, which releases whatever it held
    }
  }
}
