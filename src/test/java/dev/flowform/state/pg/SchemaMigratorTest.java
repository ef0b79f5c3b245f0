package dev.flowform.state.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.diag.FlowformException;
import dev.flowform.model.PostgresUrl;
import dev.flowform.state.LockRequest;
import dev.flowform.testing.HandClock;
import dev.flowform.testing.PostgresExtension;
import dev.flowform.testing.TestSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class SchemaMigratorTest {
  private static final List<String> TABLES =
      List.of(
          "changes", "lock_slots", "locks", "resources", "schema_version", "states", "versions");

  private static List<String> tables(TestSchema schema) throws SQLException {
    try (Connection connection = schema.connect();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT tablename FROM pg_tables WHERE schemaname = ? ORDER BY tablename")) {
      query.setString(1, schema.name());
      List<String> tables = new ArrayList<>();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          tables.add(row.getString(1));
        }
      }
      return tables;
    }
  }

  private static List<String> versions(TestSchema schema) throws SQLException {
    try (Connection connection = schema.connect();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT version || ' ' || description || ' ' || flowform_version FROM \""
                    + schema.name()
                    + "\".schema_version ORDER BY version")) {
      List<String> versions = new ArrayList<>();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          versions.add(row.getString(1));
        }
      }
      return versions;
    }
  }

  private static void migrate(PostgresUrl url) throws SQLException {
    try (Connection connection = new PostgresConnector(url).open()) {
      new SchemaMigrator(url, "0.1.0").migrate(connection);
    }
  }

  @Test
  void theFirstUseCreatesTheSchemaAtTheLatestVersion(TestSchema schema) throws SQLException {
    PostgresStateStore.open(schema.parsedUrl("dev"), States.APPLY, new HandClock(States.T0))
        .close();

    assertEquals(TABLES, tables(schema));
    assertEquals(
        List.of(
            "1 states, resources, history and locks 0.1.0",
            "2 fencing tokens 0.1.0",
            "3 one address per id, ids shaped like the platform's 0.1.0"),
        versions(schema));
  }

  @Test
  void migratingAgainChangesNothing(TestSchema schema) throws SQLException {
    migrate(schema.parsedUrl("dev"));
    migrate(schema.parsedUrl("dev"));
    migrate(schema.parsedUrl("prod"));

    assertEquals(TABLES, tables(schema));
    assertEquals(3, versions(schema).size());
  }

  @Test
  void processesStartingAtOnceMigrateOneAfterTheOther(TestSchema schema) throws Exception {
    int starters = 6;
    CyclicBarrier together = new CyclicBarrier(starters);
    ExecutorService pool = Executors.newFixedThreadPool(starters);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < starters; i++) {
        runs.add(
            pool.submit(
                () -> {
                  PostgresUrl url = schema.parsedUrl("dev");
                  try (Connection connection = new PostgresConnector(url).open()) {
                    together.await(30, TimeUnit.SECONDS);
                    new SchemaMigrator(url, "0.1.0").migrate(connection);
                  }
                  return null;
                }));
      }
      for (Future<?> run : runs) {
        run.get(60, TimeUnit.SECONDS); // throws when any starter failed
      }
    } finally {
      pool.shutdownNow();
    }

    assertEquals(TABLES, tables(schema));
    assertEquals(3, versions(schema).size());
  }

  @Test
  void aSchemaNewerThanThisFlowformIsRefusedAndLeftUntouched(TestSchema schema)
      throws SQLException {
    schema.execute(
        "CREATE SCHEMA %s",
        "CREATE TABLE %s.schema_version (version integer PRIMARY KEY, description text NOT NULL,"
            + " applied_at timestamptz NOT NULL DEFAULT now(), flowform_version text NOT NULL)",
        "INSERT INTO %s.schema_version (version, description, flowform_version)"
            + " VALUES (1, 'first', '0.1.0'), (4, 'from the future', '9.0.0')",
        "CREATE TABLE %s.states_v2 (key text PRIMARY KEY)");

    FlowformException e =
        assertThrows(
            FlowformException.class,
            () ->
                PostgresStateStore.open(
                    schema.parsedUrl("dev"), States.APPLY, new HandClock(States.T0)));

    assertTrue(
        e.getMessage().contains("is at version 4, newer than this flowform knows"), e.getMessage());
    assertTrue(e.getMessage().contains("(up to version 3)"), e.getMessage());
    assertTrue(e.hint().contains("upgrade flowform"), e.hint());
    assertEquals(List.of("schema_version", "states_v2"), tables(schema));
    assertEquals(List.of("1 first 0.1.0", "4 from the future 9.0.0"), versions(schema));
  }

  @Test
  void theLockRefusesANewerSchemaToo(TestSchema schema) throws SQLException {
    migrate(schema.parsedUrl("dev"));
    schema.execute(
        "INSERT INTO %s.schema_version (version, description, flowform_version)"
            + " VALUES (7, 'later', '3.0.0')");

    PostgresStateLock lock =
        new PostgresStateLock(
            schema.parsedUrl("dev"), new HandClock(States.T0), 1, "0.1.0", UUID::randomUUID);
    FlowformException e =
        assertThrows(
            FlowformException.class,
            () -> lock.acquire(new LockRequest("plan", "me@here"), Duration.ZERO));

    assertTrue(e.getMessage().contains("version 7"), e.getMessage());
  }

  @Test
  void aSchemaHoldingSomeoneElsesTablesIsRefusedAndLeftAsItWas(TestSchema schema)
      throws SQLException {
    schema.execute("CREATE SCHEMA %s", "CREATE TABLE %s.states (id integer, name text)");

    FlowformException e =
        assertThrows(
            FlowformException.class,
            () ->
                PostgresStateStore.open(
                    schema.parsedUrl("dev"), States.APPLY, new HandClock(States.T0)));

    assertTrue(e.getMessage().startsWith("cannot prepare flowform's schema '"), e.getMessage());
    assertTrue(e.getMessage().contains("already exists"), e.getMessage());
    assertTrue(e.hint().contains("?schema=NAME"), e.hint());
    assertFalse(e.getMessage().contains(schema.password()), e.getMessage());
    assertEquals(List.of("states"), tables(schema));
  }
}
