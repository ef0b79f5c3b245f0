package dev.flowform.model;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Where a state lives in PostgreSQL: {@code
 * postgresql://[user[:password]@]host[:port]/database[?schema=NAME&key=NAME&sslmode=...]}, with
 * libpq's variables ({@code PGHOST}, {@code PGPORT}, {@code PGDATABASE}, {@code PGUSER}, {@code
 * PGPASSWORD}, {@code PGSSLMODE}, {@code PGSSLROOTCERT}, {@code PGCONNECT_TIMEOUT}, {@code
 * PGAPPNAME}) filling in what the URL leaves out. Parsed by {@link PostgresUrlParser}.
 *
 * <p>The password is a secret: {@link #toString()} and {@link #redacted()} never show it, and no
 * message about a URL ever echoes it.
 *
 * @param password null when neither the URL nor {@code PGPASSWORD} gives one (the driver then looks
 *     in {@code ~/.pgpass})
 * @param schema the schema flowform owns, {@code flowform} by default
 * @param key the name of the state inside the database; by default the environment's name
 * @param options connection options by their libpq names: {@code sslmode}, {@code sslrootcert},
 *     {@code connect_timeout}, {@code application_name}
 */
public record PostgresUrl(
    String host,
    int port,
    String database,
    String user,
    String password,
    String schema,
    String key,
    SortedMap<String, String> options) {

  public static final String DEFAULT_SCHEMA = "flowform";
  public static final int DEFAULT_PORT = 5432;

  /** Lower-case SQL identifiers only, so that a schema never needs quoting to be named. */
  static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  public PostgresUrl {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(key, "key");
    options =
        Collections.unmodifiableSortedMap(new TreeMap<>(options == null ? Map.of() : options));
  }

  /** True when {@code spec} (an Environment's {@code spec.state}) is a URL rather than a path. */
  public static boolean isUrl(String spec) {
    return spec != null
        && (spec.startsWith(PostgresUrlParser.SCHEME) || spec.startsWith(PostgresUrlParser.SHORT));
  }

  /**
   * Parses and checks a URL.
   *
   * @param defaultKey the key when the URL has no {@code key=} (the environment's name)
   * @param environment libpq's variables, e.g. {@code System.getenv()}
   * @throws IllegalArgumentException with a message such as {@code state URL: port 'x' is not a
   *     number}, never showing the password
   */
  public static PostgresUrl parse(String text, String defaultKey, Map<String, String> environment) {
    return new PostgresUrlParser(environment).parse(text, defaultKey);
  }

  /** {@code host:port/database}, for messages. */
  public String location() {
    return server() + "/" + database;
  }

  /** {@code host:port}, for messages. */
  public String server() {
    return hostForUrl() + ":" + port;
  }

  /** The URL with every part but the password (shown as {@code ***} when there is one). */
  public String redacted() {
    StringBuilder url = new StringBuilder(PostgresUrlParser.SCHEME);
    url.append(encode(user));
    if (password != null) {
      url.append(":***");
    }
    url.append('@').append(server()).append('/').append(encode(database));
    url.append("?schema=").append(schema).append("&key=").append(encode(key));
    options.forEach(
        (name, value) -> url.append('&').append(name).append('=').append(encode(value)));
    return url.toString();
  }

  /** The driver's URL: host, port and database only; everything else is in the properties. */
  public String jdbcUrl() {
    return "jdbc:postgresql://" + hostForUrl() + ":" + port + "/" + encode(database);
  }

  /** What the driver is given beside {@link #jdbcUrl()}: user, password and options. */
  public Properties jdbcProperties() {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    if (password != null) {
      properties.setProperty("password", password);
    }
    properties.setProperty("ApplicationName", options.getOrDefault("application_name", "flowform"));
    if (options.containsKey("sslmode")) {
      properties.setProperty("sslmode", options.get("sslmode"));
    }
    if (options.containsKey("sslrootcert")) {
      properties.setProperty("sslrootcert", options.get("sslrootcert"));
    }
    if (options.containsKey("connect_timeout")) {
      properties.setProperty("connectTimeout", options.get("connect_timeout"));
    }
    return properties;
  }

  /**
   * True when the URL asks ({@code shared_sandbox=true}) that this state may be bound to a sandbox
   * another key of its schema is bound to as well.
   */
  public boolean sharesSandbox() {
    return "true".equals(options.get(PostgresUrlParser.SHARED_SANDBOX));
  }

  /** The same URL with one more option, as if {@code name=value} was in its query. */
  public PostgresUrl withOption(String name, String value) {
    SortedMap<String, String> more = new TreeMap<>(options);
    more.put(name, value);
    return new PostgresUrl(host, port, database, user, password, schema, key, more);
  }

  /** The same database and schema, for another state. */
  public PostgresUrl withKey(String newKey) {
    return new PostgresUrl(host, port, database, user, password, schema, newKey, options);
  }

  /** Never the password: {@link #redacted()}. */
  @Override
  public String toString() {
    return redacted();
  }

  private String hostForUrl() {
    return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
