package dev.flowform.model;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads a {@link PostgresUrl}. The user info ends at the <em>last</em> {@code @}, so that nothing
 * after it (host, port, database, parameters: all that a message may quote) can be part of the
 * password, and a password holding {@code @}, {@code /} or {@code ?} still parses. Messages quote
 * values from after that {@code @} only, and never anything of the password.
 */
final class PostgresUrlParser {
  static final String SCHEME = "postgresql://";
  static final String SHORT = "postgres://";

  /** Connection options by their URL name, with the libpq variable that supplies a default. */
  private static final Map<String, String> OPTION_VARIABLES =
      Map.of(
          "sslmode", "PGSSLMODE",
          "sslrootcert", "PGSSLROOTCERT",
          "connect_timeout", "PGCONNECT_TIMEOUT",
          "application_name", "PGAPPNAME");

  static final String SHARED_SANDBOX = "shared_sandbox";

  private static final List<String> PARAMETERS =
      List.of(
          "schema",
          "key",
          "sslmode",
          "sslrootcert",
          "connect_timeout",
          "application_name",
          SHARED_SANDBOX);
  private static final Set<String> SSL_MODES =
      Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
  private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9_]([-A-Za-z0-9_.]*)?");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final int KEY_MAX = 200;

  /** The shortest password accepted: the run's scrubber leaves shorter values alone. */
  private static final int MIN_PASSWORD = 4;

  private final Map<String, String> environment;

  PostgresUrlParser(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  PostgresUrl parse(String text, String defaultKey) {
    if (text == null || !PostgresUrl.isUrl(text)) {
      throw invalid("it must start with " + SCHEME);
    }
    String rest = text.substring(text.startsWith(SCHEME) ? SCHEME.length() : SHORT.length());
    int at = rest.lastIndexOf('@');
    String userInfo = at < 0 ? null : rest.substring(0, at);
    String afterUserInfo = rest.substring(at + 1);
    if (afterUserInfo.indexOf('#') >= 0) {
      throw invalid("'#' is not allowed after the host (write it as %23)");
    }
    int question = afterUserInfo.indexOf('?');
    String hostAndPath = question < 0 ? afterUserInfo : afterUserInfo.substring(0, question);
    String query = question < 0 ? "" : afterUserInfo.substring(question + 1);
    int slash = hostAndPath.indexOf('/');
    String authority = slash < 0 ? hostAndPath : hostAndPath.substring(0, slash);
    String path = slash < 0 ? "" : hostAndPath.substring(slash + 1);

    if (userInfo != null && userInfo.indexOf('/') >= 0 && slash < 0) {
      throw invalid("no /DATABASE after the host; if a parameter holds an '@', write it as %40");
    }
    String user = null;
    String password = null;
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), "the user name");
      if (colon >= 0) {
        password = decode(userInfo.substring(colon + 1), "the password");
      }
    }
    user = orElse(user, "PGUSER");
    if (user == null) {
      throw invalid("no user name: write postgresql://USER@HOST/DATABASE or set PGUSER");
    }
    password = orElse(password, "PGPASSWORD");
    if (password != null && !password.isEmpty() && password.length() < MIN_PASSWORD) {
      // the run's scrubber keeps no value so short out of its output: never quoted here either
      throw invalid(
          "the password (in the URL or PGPASSWORD) is shorter than "
              + MIN_PASSWORD
              + " characters: no real one is, and flowform could not keep it out of its output");
    }

    HostPort hostPort = hostAndPort(authority);
    String database = decode(path, "the database name");
    if (database.indexOf('/') >= 0 || path.indexOf('/') >= 0) {
      throw invalid("the database name must not contain '/' (write it as %2F)");
    }
    database = orElse(database, "PGDATABASE");
    if (database == null) {
      database = user; // libpq's default
    }

    Map<String, String> parameters = parameters(query);
    String schema = parameters.getOrDefault("schema", PostgresUrl.DEFAULT_SCHEMA);
    checkSchema(schema);
    String key = parameters.getOrDefault("key", defaultKey);
    checkKey(key);
    SortedMap<String, String> options = options(parameters);
    refuseControl(user, "the user name");
    refuseControl(password, "the password");
    refuseControl(hostPort.host(), "the host");
    refuseControl(database, "the database name");
    parameters.forEach((name, value) -> refuseControl(value, "parameter '" + name + "'"));
    options.forEach((name, value) -> refuseControl(value, "option '" + name + "'"));
    return new PostgresUrl(
        hostPort.host(), hostPort.port(), database, user, password, schema, key, options);
  }

  /**
   * A control character (a NUL above all) in any part would reach the driver, which sends the
   * startup packet's parameters NUL-separated: {@code flowform%00options%00-c...} in a database
   * name would set server options. Never quotes the value.
   */
  private static void refuseControl(String value, String what) {
    if (value == null) {
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
        throw invalid(what + " holds a control character (code " + (int) c + "), refused");
      }
    }
  }

  private record HostPort(String host, int port) {}

  private HostPort hostAndPort(String authority) {
    if (authority.indexOf(',') >= 0) {
      throw invalid("several hosts are not supported: give one host");
    }
    String host;
    String port;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        throw invalid("the IPv6 address has no closing ']'");
      }
      host = authority.substring(1, close);
      String after = authority.substring(close + 1);
      if (!after.isEmpty() && !after.startsWith(":")) {
        throw invalid("unexpected '" + after + "' after the IPv6 address");
      }
      port = after.isEmpty() ? "" : after.substring(1);
      if (!IPV6.matcher(host).matches()) {
        throw invalid("'" + host + "' is not an IPv6 address");
      }
    } else {
      int colon = authority.indexOf(':');
      if (colon >= 0 && authority.indexOf(':', colon + 1) >= 0) {
        throw invalid("an IPv6 address must be written in brackets, e.g. [::1]");
      }
      host = decode(colon < 0 ? authority : authority.substring(0, colon), "the host");
      port = colon < 0 ? "" : authority.substring(colon + 1);
      if (host.isEmpty()) {
        host = orElse(null, "PGHOST");
        if (host != null && host.startsWith("/")) {
          throw invalid(
              "PGHOST names a Unix-domain socket folder, which flowform cannot use: give a host");
        }
        host = host == null ? "localhost" : host;
      }
      if (!HOST_NAME.matcher(host).matches()) {
        throw invalid("'" + host + "' is not a host name or address");
      }
    }
    return new HostPort(host, port(port));
  }

  private int port(String text) {
    String source = "port";
    String value = text;
    if (value.isEmpty()) {
      value = orElse(null, "PGPORT");
      source = "PGPORT";
      if (value == null) {
        return PostgresUrl.DEFAULT_PORT;
      }
    }
    if (!DIGITS.matcher(value).matches()) {
      throw invalid(source + " '" + value + "' is not a number");
    }
    int port = value.length() > 5 ? Integer.MAX_VALUE : Integer.parseInt(value);
    if (port < 1 || port > 65535) {
      throw invalid(source + " " + value + " is out of range (1-65535)");
    }
    return port;
  }

  private Map<String, String> parameters(String query) {
    Map<String, String> parameters = new HashMap<>();
    if (query.isEmpty()) {
      return parameters;
    }
    for (String pair : query.split("&", -1)) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals), "a parameter name");
      if (name.equals("password") || name.equals("user")) {
        throw invalid(
            "parameter '"
                + name
                + "' is not supported: give it before the @ (postgresql://USER:PASSWORD@HOST/DB)"
                + " or in PG"
                + name.toUpperCase(Locale.ROOT));
      }
      if (!PARAMETERS.contains(name)) {
        throw invalid(
            "unknown parameter '" + name + "' (known: " + String.join(", ", PARAMETERS) + ")");
      }
      if (equals < 0) {
        throw invalid("parameter '" + name + "' has no value (write " + name + "=VALUE)");
      }
      if (parameters.containsKey(name)) {
        throw invalid("parameter '" + name + "' is given twice");
      }
      parameters.put(name, decode(pair.substring(equals + 1), "parameter '" + name + "'"));
    }
    return parameters;
  }

  private SortedMap<String, String> options(Map<String, String> parameters) {
    SortedMap<String, String> options = new TreeMap<>();
    OPTION_VARIABLES.forEach(
        (name, variable) -> {
          String value =
              parameters.containsKey(name) ? parameters.get(name) : orElse(null, variable);
          if (value != null) {
            options.put(name, value);
          }
        });
    String sslmode = options.get("sslmode");
    if (sslmode != null && !SSL_MODES.contains(sslmode)) {
      throw invalid(
          "sslmode '"
              + sslmode
              + "' is not one of disable, allow, prefer, require, verify-ca, verify-full");
    }
    String shared = parameters.get(SHARED_SANDBOX);
    if (shared != null) {
      if (!shared.equals("true") && !shared.equals("false")) {
        throw invalid(SHARED_SANDBOX + " '" + shared + "' is not true or false");
      }
      options.put(SHARED_SANDBOX, shared);
    }
    String timeout = options.get("connect_timeout");
    if (timeout != null && (!DIGITS.matcher(timeout).matches() || timeout.length() > 6)) {
      throw invalid("connect_timeout '" + timeout + "' is not a number of seconds");
    }
    return options;
  }

  private static void checkSchema(String schema) {
    if (schema.startsWith("pg_") || schema.equals("information_schema")) {
      throw invalid(
          "schema '"
              + schema
              + "' is a system schema of PostgreSQL: flowform's tables never go there (leave"
              + " schema= out for '"
              + PostgresUrl.DEFAULT_SCHEMA
              + "', or name a schema of your own)");
    }
    if (!PostgresUrl.SCHEMA.matcher(schema).matches()) {
      throw invalid(
          "schema '"
              + schema
              + "' is not a valid name (lower-case letters, digits and '_', not starting with a"
              + " digit or 'pg_', at most 63)");
    }
  }

  private static void checkKey(String key) {
    if (key == null || key.isEmpty()) {
      throw invalid("the key (the name of the state in the database) must not be empty");
    }
    if (key.length() > KEY_MAX || key.chars().anyMatch(Character::isISOControl)) {
      throw invalid(
          "the key must be at most " + KEY_MAX + " characters, without control characters");
    }
  }

  /**
   * The URL's value when it gave one, else the variable's when it is set and not empty, else null.
   */
  private String orElse(String value, String variable) {
    if (value != null && !value.isEmpty()) {
      return value;
    }
    String fallback = environment.get(variable);
    return fallback == null || fallback.isEmpty() ? null : fallback;
  }

  /** Decodes a part; what is wrong is told without showing the part (it may be the password). */
  private static String decode(String text, String what) {
    try {
      return percentDecode(text);
    } catch (IllegalArgumentException e) {
      throw invalid(what + " has " + e.getMessage());
    }
  }

  private static String percentDecode(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '%') {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        continue;
      }
      if (i + 2 >= text.length()) {
        throw new IllegalArgumentException("a '%' not followed by two hex digits");
      }
      int high = Character.digit(text.charAt(i + 1), 16);
      int low = Character.digit(text.charAt(i + 2), 16);
      if (high < 0 || low < 0) {
        throw new IllegalArgumentException("a '%' not followed by two hex digits");
      }
      bytes.write(high * 16 + low);
      i += 2;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("%-escapes that are not UTF-8");
    }
  }

  private static IllegalArgumentException invalid(String problem) {
    return new IllegalArgumentException("state URL: " + problem);
  }
}
