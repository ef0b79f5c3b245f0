package dev.flowform.state.pg;

import dev.flowform.diag.FlowformException;
import dev.flowform.model.PostgresUrl;
import dev.flowform.state.StateUnavailableException;
import java.sql.SQLException;
import java.util.Set;

/**
 * Turns what the driver throws into one clear message naming {@code host:port/database}: never the
 * password (the driver does not echo it, and it is scrubbed all the same), never the driver's
 * exception as a cause, and with a hint for what the user can do.
 */
final class Failures {
  private static final Set<String> SERVER_GONE = Set.of("57P01", "57P02", "57P03");

  private Failures() {}

  /** {@code state 'dev' in PostgreSQL db.example:5432/ops (schema flowform)}. */
  static String where(PostgresUrl url) {
    return "state '"
        + url.key()
        + "' in PostgreSQL "
        + url.location()
        + " (schema "
        + url.schema()
        + ")";
  }

  /** True when the connection is gone: the server went away or the network dropped. */
  static boolean connectionLost(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.startsWith("08") || SERVER_GONE.contains(state));
  }

  /** Connecting failed: the server cannot be reached, or it refused us. */
  static FlowformException connecting(SQLException e, PostgresUrl url) {
    String state = String.valueOf(e.getSQLState());
    String cause = driverMessage(e, url);
    String at = "PostgreSQL at " + url.location();
    switch (state) {
      case "28P01", "28000" -> {
        return new FlowformException(
            at + " refused user '" + url.user() + "': " + cause,
            "check the user and the password (in the state URL, PGPASSWORD or ~/.pgpass) and"
                + " that pg_hba.conf lets this user in from here");
      }
      case "3D000" -> {
        return new FlowformException(
            "database '" + url.database() + "' does not exist on PostgreSQL at " + url.server(),
            "create it (e.g. createdb "
                + url.database()
                + ") or fix the database in the state URL");
      }
      default -> {
        if ((url.password() == null || url.password().isEmpty())
            && cause.toLowerCase(java.util.Locale.ROOT).contains("password")) {
          return new FlowformException(
              at + " asks user '" + url.user() + "' for a password, and none was given: " + cause,
              "set PGPASSWORD, give the password in ~/.pgpass (or the file PGPASSFILE names), or"
                  + " write it in the state URL as a reference:"
                  + " postgresql://USER:${env:NAME}@HOST/DATABASE; flowform changed nothing");
        }
        if (connectionLost(e)) {
          return new StateUnavailableException(
              "cannot connect to " + at + ": " + cause,
              "check that the server is running and reachable from here, and the host, port and"
                  + " sslmode of the state URL; flowform changed nothing");
        }
        return new FlowformException(
            "cannot connect to " + at + ": " + cause + code(e),
            "check the state URL (its sslmode and options); flowform changed nothing");
      }
    }
  }

  /** A statement failed while {@code doing}, e.g. {@code recording 'conn-a' (serial 12)}. */
  static FlowformException of(SQLException e, PostgresUrl url, String doing) {
    String cause = driverMessage(e, url);
    if (connectionLost(e)) {
      return new StateUnavailableException(
          "lost the connection to PostgreSQL at "
              + url.location()
              + " while "
              + doing
              + ": "
              + cause,
          "flowform stopped and starts no new change; whether the write in flight was kept is"
              + " unknown. When the database is back, run plan: it shows where things stand, and"
              + " apply resolves pending records by name");
    }
    if ("42501".equals(e.getSQLState())) {
      return new FlowformException(
          "PostgreSQL at "
              + url.location()
              + " denied user '"
              + url.user()
              + "' while "
              + doing
              + ": "
              + cause,
          "a role that only reads (plan --lock=false, status, state list, state show) needs"
              + " USAGE on schema "
              + url.schema()
              + " and SELECT on its tables (GRANT USAGE ON SCHEMA "
              + url.schema()
              + " TO ...; GRANT SELECT ON ALL TABLES IN SCHEMA "
              + url.schema()
              + " TO ...); a role that applies needs CREATE on the database the first time (to"
              + " create the schema), or ALL on schema "
              + url.schema()
              + " and its tables");
    }
    return new FlowformException(
        "PostgreSQL at " + url.location() + " failed while " + doing + ": " + cause + code(e),
        null);
  }

  /** The driver's first line, with the password scrubbed should it ever appear. */
  static String driverMessage(SQLException e, PostgresUrl url) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    message = newline < 0 ? message : message.substring(0, newline);
    return scrub(message.strip(), url);
  }

  static String scrub(String text, PostgresUrl url) {
    String password = url.password();
    return password == null || password.isEmpty() ? text : text.replace(password, "***");
  }

  private static String code(SQLException e) {
    return e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")";
  }
}
