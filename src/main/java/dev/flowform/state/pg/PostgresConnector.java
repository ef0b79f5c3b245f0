package dev.flowform.state.pg;

import dev.flowform.model.PostgresUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * Opens connections to the database a {@link PostgresUrl} names, through the driver directly (not
 * {@code DriverManager}'s global registry). A connection never waits forever: connecting and each
 * round trip time out, so a database lost mid-run ends the run with a clear error instead of a
 * hang.
 */
final class PostgresConnector {
  static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(60);
  static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(30);

  private final PostgresUrl url;
  private final Duration socketTimeout;
  private final Driver driver = new Driver();

  PostgresConnector(PostgresUrl url) {
    this(url, SOCKET_TIMEOUT);
  }

  PostgresConnector(PostgresUrl url, Duration socketTimeout) {
    this.url = Objects.requireNonNull(url, "url");
    this.socketTimeout = socketTimeout;
  }

  PostgresUrl url() {
    return url;
  }

  /**
   * A new connection in auto-commit mode.
   *
   * @throws dev.flowform.state.StateUnavailableException when the server cannot be reached
   * @throws dev.flowform.diag.FlowformException when it refuses the user or the database is missing
   */
  Connection open() {
    Properties properties = url.jdbcProperties();
    properties.setProperty("socketTimeout", Long.toString(socketTimeout.toSeconds()));
    properties.setProperty("loginTimeout", Long.toString(LOGIN_TIMEOUT.toSeconds()));
    properties.setProperty("tcpKeepAlive", "true");
    properties.setProperty("reWriteBatchedInserts", "true");
    try {
      Connection connection = driver.connect(url.jdbcUrl(), properties);
      if (connection == null) {
        throw new IllegalStateException("the PostgreSQL driver does not accept " + url.jdbcUrl());
      }
      return connection;
    } catch (SQLException e) {
      throw Failures.connecting(e, url);
    }
  }
}
