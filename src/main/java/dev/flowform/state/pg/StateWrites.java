package dev.flowform.state.pg;

import dev.flowform.model.PostgresUrl;
import dev.flowform.state.ResourceState;
import dev.flowform.state.State;
import dev.flowform.state.StateRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a state's rows. {@link #record} is one statement (so one transaction) touching one
 * resource row, the header's serial, one {@code versions} row and one {@code changes} row, and only
 * when the serial is still the one expected: its cost does not depend on the size of the state.
 * {@link #replace} writes what differs from the rows there, in the caller's transaction.
 */
final class StateWrites {
  private static final String VERSION_COLUMNS =
      "key, serial, at, operation, who, flowform_version, " + Columns.HEADER;

  private final Tables tables;
  private final PostgresUrl url;
  private final StateRows rows;

  StateWrites(PostgresUrl url, StateRows rows) {
    this.tables = Tables.of(url);
    this.url = url;
    this.rows = rows;
  }

  /**
   * Records {@code next}, which differs from the state at serial {@code expected} only at {@code
   * address} ({@code doc} null: removed).
   *
   * @return false, writing nothing, when the state is no longer at serial {@code expected} of that
   *     lineage (another run moved it)
   */
  boolean record(
      Connection c, State expected, State next, String address, Instant at, Author author)
      throws SQLException {
    ResourceState resource = next.resources().get(address);
    String resourceSql =
        resource == null
            ? "DELETE FROM "
                + tables.resources()
                + " WHERE key IN (SELECT key FROM moved) AND address = ?"
            : "INSERT INTO "
                + tables.resources()
                + " (key, address, doc) SELECT key, ?, CAST(? AS jsonb) FROM moved"
                + " ON CONFLICT (key, address) DO UPDATE SET doc = EXCLUDED.doc";
    String sql =
        "WITH moved AS (UPDATE "
            + tables.states()
            + " SET serial = ? WHERE key = ? AND serial = ? AND lineage = ? RETURNING key),"
            + " version AS (INSERT INTO "
            + tables.versions()
            + " ("
            + VERSION_COLUMNS
            + ") SELECT key, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM moved),"
            + " change AS (INSERT INTO "
            + tables.changes()
            + " (key, serial, address, doc) SELECT key, ?, ?, CAST(? AS jsonb) FROM moved),"
            + " resource AS ("
            + resourceSql
            + ") SELECT count(*) FROM moved";
    String doc = resource == null ? null : rows.resourceJson(resource);
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      int i = 1;
      statement.setLong(i++, next.serial());
      statement.setString(i++, url.key());
      statement.setLong(i++, expected.serial());
      statement.setString(i++, expected.lineage());
      i = bindVersion(statement, i, next, at, author);
      statement.setLong(i++, next.serial());
      statement.setString(i++, address);
      setDoc(statement, i++, doc);
      statement.setString(i++, address);
      if (doc != null) {
        statement.setString(i++, doc);
      }
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getLong(1) == 1;
      }
    }
  }

  /** What {@link #replace} found and did. */
  enum Outcome {
    WRITTEN,
    UNCHANGED
  }

  /**
   * Makes the rows hold {@code next}, in the caller's transaction, after {@code current} (the
   * header there now, read {@code FOR UPDATE}; empty when there is none): the header, each resource
   * that differs, and one version with one change row per address set or removed.
   *
   * @throws IllegalArgumentException when {@code next} changes something without a serial above the
   *     current one (a programming error: every change moves the serial on)
   */
  Outcome replace(Connection c, Optional<State> current, State next, Instant at, Author author)
      throws SQLException {
    Map<String, String> docs = current.isPresent() ? docs(c) : Map.of();
    List<String> set = new ArrayList<>();
    Map<String, String> newDocs = new HashMap<>();
    for (Map.Entry<String, ResourceState> entry : next.resources().entrySet()) {
      String doc = rows.resourceJson(entry.getValue());
      String old = docs.get(entry.getKey());
      if (old == null || !rows.sameJson(old, doc)) {
        set.add(entry.getKey());
        newDocs.put(entry.getKey(), doc);
      }
    }
    List<String> removed = new ArrayList<>();
    for (String address : docs.keySet()) {
      if (!next.resources().containsKey(address)) {
        removed.add(address);
      }
    }
    boolean sameHeader = current.isPresent() && Columns.sameHeader(current.get(), next);
    if (current.isPresent()
        && sameHeader
        && set.isEmpty()
        && removed.isEmpty()
        && current.get().serial() == next.serial()) {
      return Outcome.UNCHANGED;
    }
    if (current.isPresent() && next.serial() <= current.get().serial()) {
      throw new IllegalArgumentException(
          "a changed state must have a serial above "
              + current.get().serial()
              + ", not "
              + next.serial());
    }
    writeHeader(c, current.isPresent(), next);
    insertVersion(c, next, at, author);
    upsertResources(c, set, newDocs);
    deleteResources(c, removed);
    insertChanges(c, next.serial(), set, newDocs, removed);
    return Outcome.WRITTEN;
  }

  /** The header there now, locked until the transaction ends; empty when there is none. */
  Optional<State> lockHeader(Connection c) throws SQLException {
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT "
                + Columns.HEADER_AND_SERIAL
                + " FROM "
                + tables.states()
                + " WHERE key = ? FOR UPDATE")) {
      query.setString(1, url.key());
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? Optional.of(Columns.state(row, null)) : Optional.empty();
      }
    }
  }

  private Map<String, String> docs(Connection c) throws SQLException {
    Map<String, String> docs = new HashMap<>();
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT address, doc::text FROM " + tables.resources() + " WHERE key = ?")) {
      query.setString(1, url.key());
      query.setFetchSize(1000);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          docs.put(row.getString(1), row.getString(2));
        }
      }
    }
    return docs;
  }

  private void writeHeader(Connection c, boolean exists, State next) throws SQLException {
    String sql =
        exists
            ? "UPDATE "
                + tables.states()
                + " SET (serial, "
                + Columns.HEADER
                + ") = (?, ?, ?, ?, ?, ?, ?, ?) WHERE key = ?"
            : "INSERT INTO "
                + tables.states()
                + " (serial, "
                + Columns.HEADER
                + ", key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      statement.setLong(1, next.serial());
      int i = Columns.bindHeader(statement, 2, next);
      statement.setString(i, url.key());
      statement.executeUpdate();
    }
  }

  private void insertVersion(Connection c, State next, Instant at, Author author)
      throws SQLException {
    try (PreparedStatement statement =
        c.prepareStatement(
            "INSERT INTO "
                + tables.versions()
                + " ("
                + VERSION_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      statement.setString(1, url.key());
      bindVersion(statement, 2, next, at, author);
      statement.executeUpdate();
    }
  }

  private void upsertResources(Connection c, List<String> set, Map<String, String> docs)
      throws SQLException {
    if (set.isEmpty()) {
      return;
    }
    try (PreparedStatement statement =
        c.prepareStatement(
            "INSERT INTO "
                + tables.resources()
                + " (key, address, doc) VALUES (?, ?, CAST(? AS jsonb))"
                + " ON CONFLICT (key, address) DO UPDATE SET doc = EXCLUDED.doc")) {
      for (String address : set) {
        statement.setString(1, url.key());
        statement.setString(2, address);
        statement.setString(3, docs.get(address));
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  private void deleteResources(Connection c, List<String> removed) throws SQLException {
    if (removed.isEmpty()) {
      return;
    }
    try (PreparedStatement statement =
        c.prepareStatement(
            "DELETE FROM " + tables.resources() + " WHERE key = ? AND address = ?")) {
      for (String address : removed) {
        statement.setString(1, url.key());
        statement.setString(2, address);
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  private void insertChanges(
      Connection c, long serial, List<String> set, Map<String, String> docs, List<String> removed)
      throws SQLException {
    if (set.isEmpty() && removed.isEmpty()) {
      return;
    }
    try (PreparedStatement statement =
        c.prepareStatement(
            "INSERT INTO "
                + tables.changes()
                + " (key, serial, address, doc) VALUES (?, ?, ?, CAST(? AS jsonb))")) {
      for (String address : set) {
        addChange(statement, serial, address, docs.get(address));
      }
      for (String address : removed) {
        addChange(statement, serial, address, null);
      }
      statement.executeBatch();
    }
  }

  private void addChange(PreparedStatement statement, long serial, String address, String doc)
      throws SQLException {
    statement.setString(1, url.key());
    statement.setLong(2, serial);
    statement.setString(3, address);
    setDoc(statement, 4, doc);
    statement.addBatch();
  }

  /** Binds serial, at, operation, who, flowform version and the header; returns the next. */
  private static int bindVersion(
      PreparedStatement statement, int position, State next, Instant at, Author author)
      throws SQLException {
    int i = position;
    statement.setLong(i++, next.serial());
    Columns.setInstant(statement, i++, at);
    statement.setString(i++, author.operation());
    statement.setString(i++, author.who());
    statement.setString(i++, author.version());
    return Columns.bindHeader(statement, i, next);
  }

  private static void setDoc(PreparedStatement statement, int position, String doc)
      throws SQLException {
    if (doc == null) {
      statement.setNull(position, Types.VARCHAR);
    } else {
      statement.setString(position, doc);
    }
  }
}
