package dev.flowform.state.pg;

import dev.flowform.model.PostgresUrl;
import dev.flowform.state.State;
import dev.flowform.state.StateConflictException;
import dev.flowform.state.StateHistory;
import dev.flowform.state.StateRows;
import dev.flowform.state.StateStore;
import dev.flowform.state.StateVersion;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One state kept in PostgreSQL, under its key, in the schema flowform owns: the current state as a
 * header row and one row per resource, and every version kept as rows of who, when, which operation
 * and what changed.
 *
 * <p>Every {@link #record} and {@link #write} is one committed transaction, and only succeeds when
 * the state is still at the serial this store last read or wrote: two processes writing one state
 * never lose each other's changes, the second is refused with a {@link StateConflictException}. A
 * record touches one resource row whatever the size of the state. A database lost mid-run ends the
 * call with a {@link dev.flowform.state.StateUnavailableException}, never a hang or a retry.
 *
 * <p>Holds one connection until {@link #close}; used by one thread at a time (its methods are
 * synchronized for safety). The caller holds the {@link PostgresStateLock}.
 */
public final class PostgresStateStore implements StateStore, StateHistory, AutoCloseable {
  private final PostgresUrl url;
  private final Connection connection;
  private final Author author;
  private final Clock clock;
  private final StateReads reads;
  private final StateWrites writes;

  /** Opened by {@link #openReadOnly}: never writes, not even to create the schema. */
  private final boolean readOnly;

  /** False when a read-only store found no flowform schema: then there is no state at all. */
  private final boolean schemaPresent;

  /** Whether this store has read or written the state yet. */
  private boolean observed;

  /** The state as this store last read or wrote it; null when there was none. */
  private State seen;

  private PostgresStateStore(
      PostgresUrl url,
      Connection connection,
      Author author,
      Clock clock,
      boolean readOnly,
      boolean schemaPresent) {
    this.url = url;
    this.connection = connection;
    this.author = author;
    this.clock = clock;
    this.readOnly = readOnly;
    this.schemaPresent = schemaPresent;
    StateRows rows = new StateRows();
    this.reads = new StateReads(url, rows);
    this.writes = new StateWrites(url, rows);
  }

  /**
   * Connects, and creates or migrates flowform's schema when needed.
   *
   * @param author who writes, as the history of each version keeps it
   * @throws dev.flowform.diag.FlowformException when the database cannot be reached, refuses the
   *     user, or holds a schema this flowform does not know (changing nothing)
   */
  public static PostgresStateStore open(PostgresUrl url, Author author, Clock clock) {
    return open(new PostgresConnector(url), author, clock);
  }

  static PostgresStateStore open(PostgresConnector connector, Author author, Clock clock) {
    Objects.requireNonNull(author, "author");
    Connection connection = connector.open();
    try {
      new SchemaMigrator(connector.url(), author.version()).migrate(connection);
      return new PostgresStateStore(connector.url(), connection, author, clock, false, true);
    } catch (RuntimeException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  /**
   * Connects for reading only (status, output, state list and show, history): never creates or
   * migrates the schema, and {@link #write} and {@link #record} throw. A database without
   * flowform's schema has no state.
   *
   * @throws dev.flowform.diag.FlowformException when the database cannot be reached, refuses the
   *     user, or holds a schema of another version than this flowform's
   */
  public static PostgresStateStore openReadOnly(PostgresUrl url) {
    PostgresConnector connector = new PostgresConnector(url);
    Connection connection = connector.open();
    try {
      int version = new SchemaMigrator(url, "").checkedVersion(connection);
      // never writes: no author, no clock
      return new PostgresStateStore(url, connection, null, null, true, version > 0);
    } catch (RuntimeException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  public PostgresUrl url() {
    return url;
  }

  @Override
  public synchronized Optional<State> read() {
    if (!schemaPresent) {
      observed = true;
      return Optional.empty();
    }
    Optional<State> current =
        call(
            "reading the state",
            c -> Transactions.run(c, Connection.TRANSACTION_REPEATABLE_READ, reads::current));
    observed = true;
    seen = current.orElse(null);
    return current;
  }

  @Override
  public synchronized void write(State state) {
    refuseReadOnly();
    call(
        "writing serial " + state.serial(),
        c ->
            Transactions.run(
                c,
                Connection.TRANSACTION_READ_COMMITTED,
                t -> {
                  Optional<State> current = writes.lockHeader(t);
                  checkExpected(current, state);
                  return writes.replace(t, current, state, clock.instant(), author);
                }));
    observed = true;
    seen = state;
  }

  /**
   * Records {@code newState} as one row change when it differs from the state this store last read
   * or wrote at {@code changedAddress} only; otherwise writes it whole.
   */
  @Override
  public synchronized void record(State newState, String changedAddress) {
    refuseReadOnly();
    if (!observed
        || seen == null
        || newState.serial() <= seen.serial()
        || !StateRows.differsOnlyAt(seen, newState, changedAddress)) {
      write(newState);
      return;
    }
    State expected = seen;
    boolean recorded =
        call(
            "recording '" + changedAddress + "' (serial " + newState.serial() + ")",
            c -> writes.record(c, expected, newState, changedAddress, clock.instant(), author));
    if (!recorded) {
      throw conflict(
          currentSerial(), expected, "the change to '" + changedAddress + "' was not recorded");
    }
    seen = newState;
  }

  @Override
  public synchronized List<StateVersion> versions() {
    if (!schemaPresent) {
      return List.of();
    }
    return call("listing the versions of the state", reads::versions);
  }

  @Override
  public synchronized Optional<State> readAt(long serial) {
    if (!schemaPresent) {
      return Optional.empty();
    }
    return call(
        "reading serial " + serial,
        c -> Transactions.run(c, Connection.TRANSACTION_REPEATABLE_READ, t -> reads.at(t, serial)));
  }

  @Override
  public synchronized void close() {
    closeQuietly(connection);
  }

  private void refuseReadOnly() {
    if (readOnly) {
      throw new IllegalStateException(
          "the store of " + Failures.where(url) + " was opened read-only");
    }
  }

  private void checkExpected(Optional<State> current, State next) {
    if (!observed) {
      return; // a store that has not read yet takes the state as it is now
    }
    if (seen == null && current.isPresent()) {
      throw conflict(
          OptionalLong.of(current.get().serial()),
          null,
          "serial " + next.serial() + " was not written");
    }
    if (seen != null
        && (current.isEmpty()
            || current.get().serial() != seen.serial()
            || !current.get().lineage().equals(seen.lineage()))) {
      throw conflict(
          current.map(s -> OptionalLong.of(s.serial())).orElse(OptionalLong.empty()),
          seen,
          "serial " + next.serial() + " was not written");
    }
  }

  private OptionalLong currentSerial() {
    try {
      return reads.serial(connection);
    } catch (SQLException e) {
      return OptionalLong.empty();
    }
  }

  private StateConflictException conflict(OptionalLong now, State expected, String lost) {
    String there =
        now.isPresent() ? "it is at serial " + now.getAsLong() + " now" : "it has been deleted";
    String saw =
        expected == null
            ? "this run found no state there"
            : "this run last saw serial " + expected.serial();
    return new StateConflictException(
        Failures.where(url) + " was changed by another run: " + there + ", " + saw + "; " + lost,
        "nothing of the other run's was overwritten. Another flowform run wrote this state without"
            + " holding its lock (or after this run lost its lock): run plan again to see where"
            + " things stand");
  }

  private <T> T call(String doing, Transactions.Work<T> work) {
    try {
      return work.run(connection);
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        throw conflict(currentSerial(), seen, doing + " failed");
      }
      throw Failures.of(e, url, doing);
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // nothing is pending: every write was committed or rolled back
    }
  }
}
