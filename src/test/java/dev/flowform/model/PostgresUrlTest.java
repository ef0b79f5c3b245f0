package dev.flowform.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PostgresUrlTest {
  private static final Map<String, String> NO_ENV = Map.of();

  private static PostgresUrl parse(String url) {
    return PostgresUrl.parse(url, "dev", NO_ENV);
  }

  private static String problem(String url) {
    return problem(url, NO_ENV);
  }

  private static String problem(String url, Map<String, String> env) {
    return assertThrows(IllegalArgumentException.class, () -> PostgresUrl.parse(url, "dev", env))
        .getMessage();
  }

  @Test
  void readsEveryPartOfAFullUrl() {
    PostgresUrl url =
        parse(
            "postgresql://alice:s3cret@db.example.com:6543/ops"
                + "?schema=infra&key=prod-eu&sslmode=verify-full");

    assertEquals("db.example.com", url.host());
    assertEquals(6543, url.port());
    assertEquals("ops", url.database());
    assertEquals("alice", url.user());
    assertEquals("s3cret", url.password());
    assertEquals("infra", url.schema());
    assertEquals("prod-eu", url.key());
    assertEquals(Map.of("sslmode", "verify-full"), url.options());
  }

  @Test
  void theSchemaIsFlowformTheKeyTheEnvironmentAndThePort5432WhenNotGiven() {
    PostgresUrl url = parse("postgresql://alice@db/ops");

    assertEquals("flowform", url.schema());
    assertEquals("dev", url.key());
    assertEquals(5432, url.port());
    assertNull(url.password());
    assertEquals(Map.of(), url.options());
  }

  @Test
  void theShortSchemeIsAcceptedToo() {
    assertEquals("db", parse("postgres://alice@db/ops").host());
  }

  @Test
  void libpqVariablesFillInWhatTheUrlLeavesOut() {
    Map<String, String> env =
        Map.of(
            "PGHOST", "pg.internal",
            "PGPORT", "5433",
            "PGDATABASE", "states",
            "PGUSER", "ci",
            "PGPASSWORD", "from-env",
            "PGSSLMODE", "require",
            "PGCONNECT_TIMEOUT", "7",
            "PGAPPNAME", "pipeline");

    PostgresUrl url = PostgresUrl.parse("postgresql://", "dev", env);

    assertEquals("pg.internal", url.host());
    assertEquals(5433, url.port());
    assertEquals("states", url.database());
    assertEquals("ci", url.user());
    assertEquals("from-env", url.password());
    assertEquals(
        Map.of("sslmode", "require", "connect_timeout", "7", "application_name", "pipeline"),
        url.options());
  }

  @Test
  void whatTheUrlSaysWinsOverTheVariables() {
    Map<String, String> env =
        Map.of(
            "PGHOST", "other",
            "PGPORT", "1",
            "PGDATABASE", "other",
            "PGUSER", "other",
            "PGPASSWORD", "other",
            "PGSSLMODE", "disable");

    PostgresUrl url =
        PostgresUrl.parse("postgresql://alice:mine@db:5432/ops?sslmode=require", "dev", env);

    assertEquals(
        List.of("db", 5432, "ops", "alice", "mine", "require"),
        List.of(
            url.host(),
            url.port(),
            url.database(),
            url.user(),
            url.password(),
            url.options().get("sslmode")));
  }

  @Test
  void emptyVariablesCountAsUnset() {
    PostgresUrl url =
        PostgresUrl.parse(
            "postgresql://alice@db/ops", "dev", Map.of("PGPASSWORD", "", "PGPORT", ""));

    assertNull(url.password());
    assertEquals(5432, url.port());
  }

  @Test
  void theDatabaseDefaultsToTheUserNameAsInLibpq() {
    assertEquals("alice", parse("postgresql://alice@db").database());
    assertEquals("alice", parse("postgresql://alice@db/").database());
  }

  @Test
  void theHostDefaultsToLocalhost() {
    assertEquals("localhost", parse("postgresql://alice@/ops").host());
  }

  @Test
  void percentEncodedPartsAreDecoded() {
    PostgresUrl url =
        parse("postgresql://al%69ce:p%40ss%3Aw%2Frd%3F@db/my%20db?key=team%2Fprod%40eu");

    assertEquals("alice", url.user());
    assertEquals("p@ss:w/rd?", url.password());
    assertEquals("my db", url.database());
    assertEquals("team/prod@eu", url.key());
  }

  @Test
  void aPasswordHoldingAtSignsSlashesAndQuestionMarksStillParses() {
    PostgresUrl url = parse("postgresql://alice:p@ss/w?rd@db.example.com:5432/ops?schema=infra");

    assertEquals("p@ss/w?rd", url.password());
    assertEquals("db.example.com", url.host());
    assertEquals("ops", url.database());
    assertEquals("infra", url.schema());
  }

  @Test
  void anIpv6HostIsWrittenInBrackets() {
    PostgresUrl url = parse("postgresql://alice@[::1]:5433/ops");

    assertEquals("::1", url.host());
    assertEquals(5433, url.port());
    assertEquals("[::1]:5433/ops", url.location());
    assertEquals("jdbc:postgresql://[::1]:5433/ops", url.jdbcUrl());
  }

  @Test
  void tellsAUrlFromAPath() {
    assertTrue(PostgresUrl.isUrl("postgresql://db/ops"));
    assertTrue(PostgresUrl.isUrl("postgres://db/ops"));
    assertFalse(PostgresUrl.isUrl(".flowform/dev.state.json"));
    assertFalse(PostgresUrl.isUrl("/var/lib/postgresql.json"));
    assertFalse(PostgresUrl.isUrl(null));
  }

  @Test
  void theRedactedFormShowsEverythingButThePassword() {
    PostgresUrl url =
        parse("postgresql://alice:s3cret@db:5432/ops?key=prod&sslmode=require&schema=infra");

    assertEquals(
        "postgresql://alice:***@db:5432/ops?schema=infra&key=prod&sslmode=require", url.redacted());
    assertEquals(url.redacted(), url.toString());
    assertEquals("db:5432/ops", url.location());
    assertEquals(
        "postgresql://alice@db:5432/ops?schema=flowform&key=dev",
        parse("postgresql://alice@db/ops").redacted());
  }

  @Test
  void theDriverGetsHostPortAndDatabaseInItsUrlAndTheRestAsProperties() {
    PostgresUrl url =
        parse(
            "postgresql://alice:s3cret@db:6543/my%20db?sslmode=verify-ca&sslrootcert=%2Fca.pem"
                + "&connect_timeout=5");

    assertEquals("jdbc:postgresql://db:6543/my%20db", url.jdbcUrl());
    Properties properties = url.jdbcProperties();
    assertEquals("alice", properties.getProperty("user"));
    assertEquals("s3cret", properties.getProperty("password"));
    assertEquals("verify-ca", properties.getProperty("sslmode"));
    assertEquals("/ca.pem", properties.getProperty("sslrootcert"));
    assertEquals("5", properties.getProperty("connectTimeout"));
    assertEquals("flowform", properties.getProperty("ApplicationName"));
  }

  @Test
  void withKeyNamesAnotherStateInTheSameSchema() {
    PostgresUrl url = parse("postgresql://alice:s3cret@db/ops?schema=infra").withKey("prod");

    assertEquals("prod", url.key());
    assertEquals("infra", url.schema());
    assertEquals("s3cret", url.password());
  }

  @Test
  void aPortThatIsNotANumberIsNamed() {
    assertEquals("state URL: port 'x' is not a number", problem("postgresql://alice@db:x/ops"));
    assertEquals(
        "state URL: PGPORT 'five' is not a number",
        problem("postgresql://alice@db/ops", Map.of("PGPORT", "five")));
  }

  @Test
  void aPortOutOfRangeIsNamed() {
    assertEquals(
        "state URL: port 70000 is out of range (1-65535)",
        problem("postgresql://alice@db:70000/ops"));
    assertEquals(
        "state URL: port 0 is out of range (1-65535)", problem("postgresql://alice@db:0/ops"));
    assertEquals(
        "state URL: port 99999999999 is out of range (1-65535)",
        problem("postgresql://alice@db:99999999999/ops"));
  }

  @Test
  void aUrlOfAnotherSchemeIsRefused() {
    assertEquals("state URL: it must start with postgresql://", problem("mysql://alice@db/ops"));
  }

  @Test
  void aUrlWithoutAUserIsRefusedUnlessPgUserGivesOne() {
    assertEquals(
        "state URL: no user name: write postgresql://USER@HOST/DATABASE or set PGUSER",
        problem("postgresql://db/ops"));
    assertEquals(
        "ci", PostgresUrl.parse("postgresql://db/ops", "dev", Map.of("PGUSER", "ci")).user());
  }

  @Test
  void aSchemaThatIsNotAPlainLowerCaseNameIsRefused() {
    for (String schema : List.of("Infra", "1st", "pg_mine", "my-schema", "a%20b", "x".repeat(64))) {
      assertTrue(
          problem("postgresql://alice@db/ops?schema=" + schema).startsWith("state URL: schema '"),
          schema);
    }
    assertEquals("_x9", parse("postgresql://alice@db/ops?schema=_x9").schema());
  }

  @Test
  void aSystemSchemaOfPostgresIsRefusedAsSuch() {
    for (String schema : List.of("information_schema", "pg_catalog", "pg_toast", "pg_temp_3")) {
      assertEquals(
          "state URL: schema '"
              + schema
              + "' is a system schema of PostgreSQL: flowform's tables never go there (leave"
              + " schema= out for 'flowform', or name a schema of your own)",
          problem("postgresql://alice@db/ops?schema=" + schema),
          schema);
    }
  }

  @Test
  void aPasswordOfOneToThreeCharactersIsRefusedWithoutQuotingIt() {
    String expected =
        "state URL: the password (in the URL or PGPASSWORD) is shorter than 4 characters: no real"
            + " one is, and flowform could not keep it out of its output";
    assertEquals(expected, problem("postgresql://alice:q7z@db/ops"));
    assertEquals(expected, problem("postgresql://alice@db/ops", Map.of("PGPASSWORD", "q7z")));
    assertEquals("q7zw", parse("postgresql://alice:q7zw@db/ops").password());
  }

  @Test
  void anEmptyOrOverlongKeyIsRefused() {
    assertEquals(
        "state URL: the key (the name of the state in the database) must not be empty",
        problem("postgresql://alice@db/ops?key="));
    assertTrue(
        problem("postgresql://alice@db/ops?key=" + "k".repeat(201))
            .startsWith("state URL: the key must be at most 200 characters"));
    assertTrue(problem("postgresql://alice@db/ops?key=a%0Ab").contains("control characters"));
  }

  @Test
  void unknownRepeatedAndValuelessParametersAreRefused() {
    assertEquals(
        "state URL: unknown parameter 'shema' (known: schema, key, sslmode, sslrootcert,"
            + " connect_timeout, application_name, shared_sandbox)",
        problem("postgresql://alice@db/ops?shema=x"));
    assertEquals(
        "state URL: parameter 'key' is given twice",
        problem("postgresql://alice@db/ops?key=a&key=b"));
    assertEquals(
        "state URL: parameter 'key' has no value (write key=VALUE)",
        problem("postgresql://alice@db/ops?key"));
  }

  @Test
  void aPasswordParameterIsRefusedWithoutShowingIt() {
    String message = problem("postgresql://alice@db/ops?password=hunter2secret");

    assertTrue(message.startsWith("state URL: parameter 'password' is not supported"), message);
    assertFalse(message.contains("hunter2secret"), message);
  }

  @Test
  void anUnknownSslModeIsRefused() {
    assertEquals(
        "state URL: sslmode 'sometimes' is not one of disable, allow, prefer, require,"
            + " verify-ca, verify-full",
        problem("postgresql://alice@db/ops?sslmode=sometimes"));
    assertTrue(
        problem("postgresql://alice@db/ops", Map.of("PGSSLMODE", "maybe"))
            .startsWith("state URL: sslmode 'maybe'"));
  }

  @Test
  void aConnectTimeoutThatIsNotSecondsIsRefused() {
    assertEquals(
        "state URL: connect_timeout '5s' is not a number of seconds",
        problem("postgresql://alice@db/ops?connect_timeout=5s"));
  }

  @Test
  void hostsThatFlowformCannotUseAreRefused() {
    assertEquals(
        "state URL: several hosts are not supported: give one host",
        problem("postgresql://alice@db1,db2/ops"));
    assertEquals(
        "state URL: an IPv6 address must be written in brackets, e.g. [::1]",
        problem("postgresql://alice@::1/ops"));
    assertEquals(
        "state URL: the IPv6 address has no closing ']'", problem("postgresql://alice@[::1/ops"));
    assertEquals(
        "state URL: 'db example' is not a host name or address",
        problem("postgresql://alice@db%20example/ops"));
    assertEquals(
        "state URL: PGHOST names a Unix-domain socket folder, which flowform cannot use: give a"
            + " host",
        problem("postgresql://alice@/ops", Map.of("PGHOST", "/var/run/postgresql")));
  }

  @Test
  void aDatabaseNameWithASlashOrAFragmentIsRefused() {
    assertEquals(
        "state URL: the database name must not contain '/' (write it as %2F)",
        problem("postgresql://alice@db/ops/more"));
    assertEquals(
        "state URL: '#' is not allowed after the host (write it as %23)",
        problem("postgresql://alice@db/ops#x"));
  }

  @Test
  void anAtSignInAParameterMustBeEncoded() {
    assertEquals(
        "state URL: no /DATABASE after the host; if a parameter holds an '@', write it as %40",
        problem("postgresql://alice:pw@db/ops?key=ci@main"));
  }

  @Test
  void aMalformedEscapeIsNamedWithoutShowingThePart() {
    String message = problem("postgresql://alice:hunter2%zzsecret@db/ops");

    assertEquals("state URL: the password has a '%' not followed by two hex digits", message);
    assertEquals(
        "state URL: the user name has a '%' not followed by two hex digits",
        problem("postgresql://al%4@db/ops"));
    assertEquals(
        "state URL: the password has %-escapes that are not UTF-8",
        problem("postgresql://alice:%ff%fe@db/ops"));
  }

  @Test
  void noMessageEverShowsThePassword() {
    String secret = "hunter2secret";
    List<String> malformed =
        List.of(
            "postgresql://alice:" + secret + "@db:x/ops",
            "postgresql://alice:" + secret + "@db:0/ops",
            "postgresql://alice:" + secret + "@db/ops?shema=x",
            "postgresql://alice:" + secret + "@db/ops?schema=Bad",
            "postgresql://alice:" + secret + "@db1,db2/ops",
            "postgresql://alice:" + secret + "%zz@db/ops",
            "postgresql://alice:" + secret + "/x@db",
            "postgresql://alice:" + secret + "?x@db:y/ops",
            "postgresql://alice:" + secret + "#x@db:y/ops");
    for (String url : malformed) {
      String message = problem(url);
      assertFalse(message.contains(secret), message);
      assertFalse(message.contains("hunter"), message);
    }
  }

  @Test
  void controlCharactersAreRefusedInEveryPartOfTheUrl() {
    assertEquals(
        "state URL: the database name holds a control character (code 0), refused",
        problem("postgresql://alice@db/flowform%00options%00-csearch_path=other"));
    assertEquals(
        "state URL: the user name holds a control character (code 10), refused",
        problem("postgresql://al%0Aice@db/ops"));
    assertEquals(
        "state URL: parameter 'application_name' holds a control character (code 27), refused",
        problem("postgresql://alice@db/ops?application_name=a%1B[2J"));
    String message = problem("postgresql://alice:pw%00SECRET-pw@db/ops");
    assertEquals("state URL: the password holds a control character (code 0), refused", message);
  }
}
