package dev.flowform.state.pg;

import dev.flowform.model.PostgresUrl;
import dev.flowform.state.State;
import dev.flowform.state.StateChange;
import dev.flowform.state.StateConflictException;
import dev.flowform.state.StateHistory;
import dev.flowform.state.StateRows;
import dev.flowform.state.StateStore;
import dev.flowform.state.StateVersion;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
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

  /** The lock acquisition every write checks, when the store was opened under a lock. */
  private final Fence fence;

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
      boolean schemaPresent,
      Fence fence) {
    this.fence = fence;
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
    return open(connector, author, clock, null);
  }

  /** The same, every write checking {@code fence} (null: none) in its own transaction. */
  static PostgresStateStore open(
      PostgresConnector connector, Author author, Clock clock, Fence fence) {
    Objects.requireNonNull(author, "author");
    Connection connection = connector.open();
    try {
      new SchemaMigrator(connector.url(), author.version()).migrate(connection);
      return new PostgresStateStore(connector.url(), connection, author, clock, false, true, fence);
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
      return new PostgresStateStore(url, connection, null, null, true, version > 0, null);
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
    current.ifPresent(this::checkIds);
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
                  checkFence(t);
                  checkSandbox(t, state);
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
    recordAll(List.of(StateChange.at(newState, changedAddress)));
  }

  /**
   * Records every change in one transaction (a group commit): a change of one address as one row
   * change, any other as a rewrite of what differs; all or nothing, and only while the state is at
   * the serial this store last read or wrote and (under a lock) the lock is still this run's.
   */
  @Override
  public synchronized void recordAll(List<StateChange> changes) {
    refuseReadOnly();
    if (changes.isEmpty()) {
      return;
    }
    State last = changes.get(changes.size() - 1).state();
    if (!observed || seen == null) {
      write(last);
      return;
    }
    State expected = seen;
    Instant at = clock.instant();
    call(
        describe(changes),
        c ->
            Transactions.run(
                c,
                Connection.TRANSACTION_READ_COMMITTED,
                t -> {
                  checkFence(t);
                  checkSandbox(t, last);
                  State before = expected;
                  for (StateChange change : changes) {
                    recordOne(t, before, change, at);
                    before = change.state();
                  }
                  return null;
                }));
    seen = last;
  }

  private void recordOne(Connection t, State before, StateChange change, Instant at)
      throws SQLException {
    State next = change.state();
    String address = change.address();
    if (address != null
        && next.serial() > before.serial()
        && StateRows.differsOnlyAt(before, next, address)) {
      if (!writes.record(t, before, next, address, at, author)) {
        throw conflict(currentSerial(), before, "the change to '" + address + "' was not recorded");
      }
      return;
    }
    Optional<State> current = writes.lockHeader(t);
    if (current.isEmpty()
        || current.get().serial() != before.serial()
        || !current.get().lineage().equals(before.lineage())) {
      throw conflict(
          current.map(s -> OptionalLong.of(s.serial())).orElse(OptionalLong.empty()),
          before,
          "serial " + next.serial() + " was not written");
    }
    writes.replace(t, current, next, at, author);
  }

  private static String describe(List<StateChange> changes) {
    StateChange first = changes.get(0);
    if (changes.size() == 1) {
      return first.address() == null
          ? "writing serial " + first.state().serial()
          : "recording '" + first.address() + "' (serial " + first.state().serial() + ")";
    }
    return "recording serials "
        + first.state().serial()
        + " to "
        + changes.get(changes.size() - 1).state().serial();
  }

  /** The rules a state file's ids follow hold for the rows of a database too. */
  private void checkIds(State state) {
    dev.flowform.state.RecordedIds.problemIn(state)
        .ifPresent(
            problem -> {
              throw new dev.flowform.diag.FlowformException(
                  Failures.where(url) + " is not a valid state: " + problem,
                  "its rows were edited by hand: flowform state rm the address that should not"
                      + " hold that id (it deletes nothing remotely), then plan again");
            });
  }

  private void checkSandbox(Connection t, State state) throws SQLException {
    SharedSandbox.check(t, url, state.sandbox(), state.orgId(), state.endpoint(), true);
  }

  /** Refuses a state whose sandbox another key of this schema is bound to, unless asked for. */
  @Override
  public synchronized void checkSandbox(dev.flowform.state.StateBinding binding) {
    if (!schemaPresent) {
      return;
    }
    call(
        "checking the states bound to sandbox " + binding.sandbox(),
        c ->
            Transactions.run(
                c,
                Connection.TRANSACTION_READ_COMMITTED,
                t -> {
                  SharedSandbox.check(
                      t, url, binding.sandbox(), binding.orgId(), binding.endpoint(), false);
                  return null;
                }));
  }

  private void checkFence(Connection t) throws SQLException {
    if (fence != null) {
      fence.check(t, url);
    }
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
