package dev.flowform.state.pg;

import dev.flowform.model.PostgresUrl;
import dev.flowform.state.ResourceState;
import dev.flowform.state.State;
import dev.flowform.state.StateRows;
import dev.flowform.state.StateVersion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads a state from its rows: the current one ({@code states} and {@code resources}) or the one of
 * any kept serial ({@code versions}, and for each address its last row in {@code changes} at or
 * before that serial). Every row is checked as strictly as a state file; nothing is ever written.
 */
final class StateReads {
  /** The operation {@code state mv} records: one address removed, one set. */
  private static final String MOVE_OPERATION = "state mv";

  private final Tables tables;
  private final PostgresUrl url;
  private final StateRows rows;

  StateReads(PostgresUrl url, StateRows rows) {
    this.tables = Tables.of(url);
    this.url = url;
    this.rows = rows;
  }

  /** The current state; call inside one REPEATABLE READ transaction so that rows agree. */
  Optional<State> current(Connection c) throws SQLException {
    State header;
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT "
                + Columns.HEADER_AND_SERIAL
                + " FROM "
                + tables.states()
                + " WHERE key = ?")) {
      query.setString(1, url.key());
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        header = Columns.state(row, null);
      }
    }
    SortedMap<String, ResourceState> resources = new TreeMap<>();
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT address, doc::text FROM " + tables.resources() + " WHERE key = ?")) {
      query.setString(1, url.key());
      query.setFetchSize(1000);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          String address = row.getString(1);
          resources.put(address, rows.resource(address, row.getString(2), where(address, null)));
        }
      }
    }
    return Optional.of(rows.checked(withResources(header, resources), Failures.where(url)));
  }

  /** The state as it was at {@code serial}; empty when no version has that serial. */
  Optional<State> at(Connection c, long serial) throws SQLException {
    State header;
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT "
                + Columns.HEADER_AND_SERIAL
                + " FROM "
                + tables.versions()
                + " WHERE key = ? AND serial = ?")) {
      query.setString(1, url.key());
      query.setLong(2, serial);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        header = Columns.state(row, null);
      }
    }
    SortedMap<String, ResourceState> resources = new TreeMap<>();
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT DISTINCT ON (address) address, doc::text FROM "
                + tables.changes()
                + " WHERE key = ? AND serial <= ? ORDER BY address, serial DESC")) {
      query.setString(1, url.key());
      query.setLong(2, serial);
      query.setFetchSize(1000);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          String address = row.getString(1);
          String doc = row.getString(2);
          if (doc != null) {
            resources.put(address, rows.resource(address, doc, where(address, serial)));
          }
        }
      }
    }
    return Optional.of(
        rows.checked(
            withResources(header, resources), Failures.where(url) + " at serial " + serial));
  }

  /** Every version kept, oldest first. */
  List<StateVersion> versions(Connection c) throws SQLException {
    List<StateVersion> versions = new ArrayList<>();
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT v.serial, v.at, v.operation, v.who, v.flowform_version, count(c.address),"
                + " min(c.address), count(c.doc),"
                + " min(c.address) FILTER (WHERE c.doc IS NULL),"
                + " min(c.address) FILTER (WHERE c.doc IS NOT NULL) FROM "
                + tables.versions()
                + " v LEFT JOIN "
                + tables.changes()
                + " c ON c.key = v.key AND c.serial = v.serial WHERE v.key = ?"
                + " GROUP BY v.key, v.serial ORDER BY v.serial")) {
      query.setString(1, url.key());
      query.setFetchSize(1000);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          int changes = row.getInt(6);
          boolean moved =
              MOVE_OPERATION.equals(row.getString(3)) && changes == 2 && row.getInt(8) == 1;
          Optional<String> address =
              moved
                  ? Optional.of(row.getString(10))
                  : changes == 1 ? Optional.of(row.getString(7)) : Optional.empty();
          versions.add(
              new StateVersion(
                  row.getLong(1),
                  Columns.instant(row, 2),
                  row.getString(3),
                  row.getString(4),
                  row.getString(5),
                  changes,
                  address,
                  moved ? Optional.of(row.getString(9)) : Optional.empty()));
        }
      }
    }
    return versions;
  }

  /** The current serial, when there is a state. */
  OptionalLong serial(Connection c) throws SQLException {
    try (PreparedStatement query =
        c.prepareStatement("SELECT serial FROM " + tables.states() + " WHERE key = ?")) {
      query.setString(1, url.key());
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
      }
    }
  }

  private String where(String address, Long serial) {
    return Failures.where(url)
        + (serial == null ? "" : " at serial " + serial)
        + ", resource '"
        + address
        + "'";
  }

  private static State withResources(State header, SortedMap<String, ResourceState> resources) {
    return new State(
        header.formatVersion(),
        header.lineage(),
        header.serial(),
        header.environment(),
        header.sandbox(),
        header.orgId(),
        header.endpoint(),
        header.fingerprintSalt(),
        resources);
  }
}
