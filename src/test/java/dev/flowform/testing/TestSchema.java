package dev.flowform.testing;

import dev.flowform.model.PostgresUrl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * A schema of one test's own in the shared test database, given by {@link PostgresExtension}:
 * flowform creates it on first use, and it is dropped after the test.
 *
 * @param name a fresh schema name, e.g. {@code t_3f9c0a1b2c4d}
 */
public record TestSchema(PostgresServer server, String name) {

  /** The state URL of {@code key} in this schema (password included, percent-encoded). */
  public String url(String key) {
    return server.url(name, key);
  }

  /** {@link #url} parsed, with no libpq variable filling in. */
  public PostgresUrl parsedUrl(String key) {
    return server.parsedUrl(name, key);
  }

  /**
   * {@link #parsedUrl} with an {@code application_name}, so that a test can find the sessions of
   * one store or lock in {@code pg_stat_activity} (to end them, say).
   */
  public PostgresUrl parsedUrl(String key, String applicationName) {
    return PostgresUrl.parse(url(key) + "&application_name=" + applicationName, key, Map.of());
  }

  /**
   * Ends every session of {@code applicationName}, as a server restart or a lost network would, and
   * returns once they are gone.
   */
  public void terminate(String applicationName) throws SQLException {
    try (Connection connection = connect();
        PreparedStatement end =
            connection.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE application_name = ?");
        PreparedStatement left =
            connection.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?")) {
      end.setString(1, applicationName);
      end.executeQuery().close();
      left.setString(1, applicationName);
      for (int i = 0; i < 200; i++) {
        try (ResultSet row = left.executeQuery()) {
          row.next();
          if (row.getLong(1) == 0) {
            return;
          }
        }
        Thread.sleep(25);
      }
      throw new IllegalStateException("the sessions of " + applicationName + " did not end");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Ends the database session holding {@code key}'s lock alone (the one its lock row names), as a
   * lost network would, and returns once it is gone; the holder's other sessions go on.
   */
  public void terminateLockHolder(String key) throws SQLException {
    try (Connection connection = connect();
        PreparedStatement holder =
            connection.prepareStatement(
                "SELECT server_pid FROM \"" + name + "\".locks WHERE key = ?");
        PreparedStatement end = connection.prepareStatement("SELECT pg_terminate_backend(?)");
        PreparedStatement left =
            connection.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE pid = ?")) {
      holder.setString(1, key);
      int pid;
      try (ResultSet row = holder.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException("no run holds the lock of " + key);
        }
        pid = row.getInt(1);
      }
      end.setInt(1, pid);
      end.executeQuery().close();
      left.setInt(1, pid);
      for (int i = 0; i < 200; i++) {
        try (ResultSet row = left.executeQuery()) {
          row.next();
          if (row.getLong(1) == 0) {
            return;
          }
        }
        Thread.sleep(25);
      }
      throw new IllegalStateException("the lock session of " + key + " did not end");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The test role's password, for tests that check it is never shown. */
  public String password() {
    return server.password();
  }

  /** A new connection as the test role. */
  public Connection connect() throws SQLException {
    return server.connect();
  }

  /** Runs statements as the test role ({@code %s} in each is replaced by the quoted schema). */
  public void execute(String... statements) throws SQLException {
    String[] resolved = new String[statements.length];
    for (int i = 0; i < statements.length; i++) {
      resolved[i] = statements[i].replace("%s", "\"" + name + "\"");
    }
    server.execute(resolved);
  }
}
