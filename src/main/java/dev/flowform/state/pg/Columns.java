package dev.flowform.state.pg;

import dev.flowform.state.ResourceState;
import dev.flowform.state.State;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** The header columns of a state (in {@code states} and {@code versions}), bound and read alike. */
final class Columns {
  /** Every header column but the serial, in the order {@link #bindHeader} binds them. */
  static final String HEADER =
      "format_version, lineage, environment, sandbox, org_id, endpoint, fingerprint_salt";

  /** What {@link #state} reads: the header and the serial. */
  static final String HEADER_AND_SERIAL = HEADER + ", serial";

  private Columns() {}

  /** Binds the {@link #HEADER} columns from {@code position} on; returns the next position. */
  static int bindHeader(PreparedStatement statement, int position, State state)
      throws SQLException {
    int i = position;
    statement.setInt(i++, state.formatVersion());
    statement.setString(i++, state.lineage());
    statement.setString(i++, state.environment());
    statement.setString(i++, state.sandbox());
    if (state.orgId() == null) {
      statement.setNull(i++, Types.VARCHAR);
    } else {
      statement.setString(i++, state.orgId());
    }
    statement.setString(i++, state.endpoint());
    statement.setString(i++, state.fingerprintSalt());
    return i;
  }

  /** A state of the header and serial in the first {@link #HEADER_AND_SERIAL} columns. */
  static State state(ResultSet row, SortedMap<String, ResourceState> resources)
      throws SQLException {
    return new State(
        row.getInt(1),
        row.getString(2),
        row.getLong(8),
        row.getString(3),
        row.getString(4),
        row.getString(5),
        row.getString(6),
        row.getString(7),
        resources == null ? new TreeMap<>() : resources);
  }

  /** True when both have the same header, the serial aside. */
  static boolean sameHeader(State a, State b) {
    return a.formatVersion() == b.formatVersion()
        && a.lineage().equals(b.lineage())
        && a.environment().equals(b.environment())
        && a.sandbox().equals(b.sandbox())
        && Objects.equals(a.orgId(), b.orgId())
        && a.endpoint().equals(b.endpoint())
        && a.fingerprintSalt().equals(b.fingerprintSalt());
  }

  /** Instants as {@code timestamptz} keeps them: to the microsecond. */
  static Instant micros(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  static void setInstant(PreparedStatement statement, int position, Instant instant)
      throws SQLException {
    statement.setObject(position, OffsetDateTime.ofInstant(micros(instant), ZoneOffset.UTC));
  }

  static Instant instant(ResultSet row, int column) throws SQLException {
    return row.getObject(column, OffsetDateTime.class).toInstant();
  }
}
