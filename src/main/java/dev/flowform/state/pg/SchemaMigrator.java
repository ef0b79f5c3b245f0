package dev.flowform.state.pg;

import dev.flowform.diag.FlowformException;
import dev.flowform.model.PostgresUrl;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Brings flowform's schema to the latest version on first use. Cheap when it is there already (one
 * read). Otherwise, in one transaction: a transaction-level advisory lock (so that two processes
 * starting at once migrate one after the other, the second finding nothing left to do), {@code
 * CREATE SCHEMA} when missing, the version table, then each migration not yet recorded. A schema at
 * a version newer than this flowform knows is refused before anything is written.
 */
final class SchemaMigrator {
  private final PostgresUrl url;
  private final Tables tables;
  private final String flowformVersion;

  SchemaMigrator(PostgresUrl url, String flowformVersion) {
    this.url = url;
    this.tables = Tables.of(url);
    this.flowformVersion = flowformVersion;
  }

  /** The version of the schema now: 0 when flowform has not created it. */
  int currentVersion(Connection connection) throws SQLException {
    try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?)")) {
      exists.setString(1, tables.schemaVersion());
      try (ResultSet row = exists.executeQuery()) {
        row.next();
        if (row.getString(1) == null) {
          return 0;
        }
      }
    }
    try (Statement query = connection.createStatement();
        ResultSet row =
            query.executeQuery("SELECT coalesce(max(version), 0) FROM " + tables.schemaVersion())) {
      row.next();
      return row.getInt(1);
    }
  }

  /**
   * The version of the schema now, checked without changing anything: 0 when there is none, else
   * {@link Migrations#latest()}.
   *
   * @throws FlowformException when it is newer, or older (a run that takes the lock migrates it)
   */
  int checkedVersion(Connection connection) {
    int current;
    try {
      current = currentVersion(connection);
    } catch (SQLException e) {
      throw problem(e);
    }
    refuseNewer(current);
    if (current > 0 && current < Migrations.latest()) {
      throw new FlowformException(
          "flowform's schema '"
              + url.schema()
              + "' in PostgreSQL "
              + url.location()
              + " is at version "
              + current
              + " and needs migrating to version "
              + Migrations.latest(),
          "run plan or apply once: a run that takes the state's lock migrates the schema");
    }
    return current;
  }

  /**
   * Migrates to {@link Migrations#latest()}.
   *
   * @throws FlowformException when the schema is newer than this flowform, or is not flowform's
   */
  void migrate(Connection connection) {
    try {
      int current = currentVersion(connection);
      refuseNewer(current);
      if (current == Migrations.latest()) {
        return;
      }
      Transactions.run(
          connection,
          Connection.TRANSACTION_READ_COMMITTED,
          c -> {
            migrateLocked(c);
            return null;
          });
    } catch (SQLException e) {
      throw problem(e);
    }
  }

  private void migrateLocked(Connection c) throws SQLException {
    try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      lock.setLong(1, migrationLockKey(url.schema()));
      lock.execute();
    }
    try (Statement statement = c.createStatement()) {
      if (!schemaExists(c)) {
        statement.execute("CREATE SCHEMA IF NOT EXISTS " + tables.schemaName());
      }
      int current = currentVersion(c);
      refuseNewer(current);
      if (current == 0) {
        statement.execute(
            "CREATE TABLE IF NOT EXISTS "
                + tables.schemaVersion()
                + " (version integer PRIMARY KEY, description text NOT NULL,"
                + " applied_at timestamptz NOT NULL DEFAULT now(),"
                + " flowform_version text NOT NULL)");
      }
      for (Migration migration : Migrations.all(tables)) {
        if (migration.version() <= current) {
          continue;
        }
        for (String sql : migration.statements()) {
          statement.execute(sql);
        }
        try (PreparedStatement done =
            c.prepareStatement(
                "INSERT INTO "
                    + tables.schemaVersion()
                    + " (version, description, flowform_version) VALUES (?, ?, ?)")) {
          done.setInt(1, migration.version());
          done.setString(2, migration.description());
          done.setString(3, flowformVersion);
          done.executeUpdate();
        }
      }
    }
  }

  private boolean schemaExists(Connection c) throws SQLException {
    try (PreparedStatement query =
        c.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
      query.setString(1, url.schema());
      try (ResultSet row = query.executeQuery()) {
        return row.next();
      }
    }
  }

  private void refuseNewer(int current) {
    if (current > Migrations.latest()) {
      throw new FlowformException(
          "flowform's schema '"
              + url.schema()
              + "' in PostgreSQL "
              + url.location()
              + " is at version "
              + current
              + ", newer than this flowform knows (up to version "
              + Migrations.latest()
              + ")",
          "a newer flowform migrated it: upgrade flowform to use this database; flowform"
              + " changed nothing");
    }
  }

  private FlowformException problem(SQLException e) {
    if (Failures.connectionLost(e) || "42501".equals(e.getSQLState())) {
      return Failures.of(e, url, "preparing schema '" + url.schema() + "'");
    }
    return new FlowformException(
        "cannot prepare flowform's schema '"
            + url.schema()
            + "' in PostgreSQL "
            + url.location()
            + ": "
            + Failures.driverMessage(e, url),
        "if that schema holds tables that are not flowform's, give flowform a schema of its own"
            + " with ?schema=NAME in the state URL; flowform changed nothing");
  }

  /** The key of the migration lock: one per schema, apart from every state's lock. */
  static long migrationLockKey(String schema) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(("flowform schema migration " + schema).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
