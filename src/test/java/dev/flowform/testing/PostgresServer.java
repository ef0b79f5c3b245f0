package dev.flowform.testing;

import dev.flowform.model.PostgresUrl;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * The PostgreSQL server the tests of this JVM share: {@code FLOWFORM_TEST_PG_URL} when it is set,
 * else a throw-away cluster started on first use on a free loopback port (see {@link
 * LocalPostgres}) and stopped when the JVM exits. Tests get a schema of their own from {@link
 * PostgresExtension}, so they never see each other's data.
 *
 * <p>The role tests connect as has a password with characters that must be percent-encoded in a URL
 * ({@code @ : / ? % &} and a space), so that every test really exercises password handling.
 */
public final class PostgresServer {
  /**
   * A URL of a server to use instead of starting one; its user must be able to create schemas and
   * roles (the read-only role tests create one).
   */
  public static final String URL_VARIABLE = "FLOWFORM_TEST_PG_URL";

  static final String ROLE = "flowform_test";
  static final String PASSWORD = "p@ss:w/rd?100% & more";
  static final String DATABASE = "flowform_test";

  private final String host;
  private final int port;
  private final String database;
  private final String user;
  private final String password;
  private final String query;

  private PostgresServer(
      String host, int port, String database, String user, String password, String query) {
    this.host = host;
    this.port = port;
    this.database = database;
    this.user = user;
    this.password = password;
    this.query = query;
  }

  /**
   * The server of this JVM, started on first use.
   *
   * @throws IllegalStateException saying how to install PostgreSQL when it is not there (the tests
   *     fail then: they never skip)
   */
  public static PostgresServer shared() {
    return Shared.INSTANCE.get();
  }

  static PostgresServer external(String url) {
    PostgresUrl parsed = PostgresUrl.parse(url, "test", System.getenv());
    StringBuilder options = new StringBuilder();
    parsed
        .options()
        .forEach(
            (name, value) -> options.append("&").append(name).append("=").append(encode(value)));
    return new PostgresServer(
        parsed.host(),
        parsed.port(),
        parsed.database(),
        parsed.user(),
        parsed.password(),
        options.toString());
  }

  static PostgresServer local(LocalPostgres cluster) {
    return new PostgresServer("127.0.0.1", cluster.port(), DATABASE, ROLE, PASSWORD, "");
  }

  /** The state URL of {@code key} in {@code schema}, password included and percent-encoded. */
  public String url(String schema, String key) {
    return "postgresql://"
        + encode(user)
        + (password == null ? "" : ":" + encode(password))
        + "@"
        + (host.indexOf(':') >= 0 ? "[" + host + "]" : host)
        + ":"
        + port
        + "/"
        + encode(database)
        + "?schema="
        + schema
        + "&key="
        + encode(key)
        + query;
  }

  /** {@link #url} parsed, with no libpq variable filling in. */
  public PostgresUrl parsedUrl(String schema, String key) {
    return PostgresUrl.parse(url(schema, key), key, Map.of());
  }

  /** The test role's password, for tests that check it is never shown. */
  public String password() {
    return password;
  }

  /** A new connection as the test role, for tests to look at or change rows directly. */
  public Connection connect() throws SQLException {
    PostgresUrl url = parsedUrl("public", "test");
    Properties properties = url.jdbcProperties();
    Connection connection = new Driver().connect(url.jdbcUrl(), properties);
    if (connection == null) {
      throw new SQLException("the driver does not accept " + url.jdbcUrl());
    }
    return connection;
  }

  /** Runs statements as the test role. */
  public void execute(String... statements) throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  static Path tempDir() throws IOException {
    return Files.createTempDirectory("flowform-pg-");
  }

  /** The one server of this JVM, made once; a failure to start is reported to every test. */
  private enum Shared {
    INSTANCE;

    private PostgresServer server;
    private RuntimeException failure;

    synchronized PostgresServer get() {
      if (server == null && failure == null) {
        try {
          String url = System.getenv(URL_VARIABLE);
          server =
              url == null || url.isBlank()
                  ? local(LocalPostgres.start(ROLE, PASSWORD, DATABASE))
                  : external(url);
        } catch (RuntimeException e) {
          failure = e;
        }
      }
      if (failure != null) {
        throw new IllegalStateException(failure.getMessage(), failure);
      }
      return server;
    }
  }
}
