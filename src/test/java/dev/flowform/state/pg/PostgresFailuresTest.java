package dev.flowform.state.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.diag.FlowformException;
import dev.flowform.model.PostgresUrl;
import dev.flowform.state.LockHandle;
import dev.flowform.state.LockRequest;
import dev.flowform.state.State;
import dev.flowform.state.StateUnavailableException;
import dev.flowform.testing.HandClock;
import dev.flowform.testing.PostgresExtension;
import dev.flowform.testing.TestSchema;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Databases that cannot be reached, refuse us or go away mid-run: clear errors, no secret. */
@ExtendWith(PostgresExtension.class)
class PostgresFailuresTest {
  private final HandClock clock = new HandClock(States.T0);

  private static void assertNoPassword(FlowformException e, String... passwords) {
    for (String password : passwords) {
      assertFalse(e.getMessage().contains(password), e.getMessage());
      assertTrue(e.hint() == null || !e.hint().contains(password), e.hint());
      assertFalse(String.valueOf(e).contains(password), String.valueOf(e));
    }
    assertNull(e.getCause(), "the driver's exception is never attached");
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void aStoreWhoseConnectionDropsFailsTheRecordAtOnceNamingTheDatabase(TestSchema schema)
      throws Exception {
    String session = "store-" + schema.name();
    try (PostgresStateStore store =
        PostgresStateStore.open(schema.parsedUrl("dev", session), States.APPLY, clock)) {
      State state = States.withResources(3);
      store.write(state);

      schema.terminate(session);

      StateUnavailableException e =
          assertThrows(
              StateUnavailableException.class,
              () -> store.record(state.with("next", States.pending(5)), "next"));
      assertTrue(
          e.getMessage().startsWith("lost the connection to PostgreSQL at 127.0.0.1:"),
          e.getMessage());
      assertTrue(
          e.getMessage().contains("/flowform_test while recording 'next' (serial 4)"),
          e.getMessage());
      assertTrue(e.hint().contains("starts no new change"), e.hint());
      assertNoPassword(e, schema.password());

      assertThrows(
          StateUnavailableException.class,
          () -> store.record(state.with("later", States.pending(6)), "later"),
          "nothing is written once the connection is gone");
    }
    try (PostgresStateStore other =
        PostgresStateStore.open(schema.parsedUrl("dev"), States.APPLY, clock)) {
      assertEquals(Optional.of(States.withResources(3)), other.read());
    }
  }

  @Test
  void aLockWhoseDatabaseIsUnreachableFailsWithinSeconds() throws IOException {
    int port = closedPort();
    PostgresUrl url =
        PostgresUrl.parse(
            "postgresql://alice:unreachable-secret@127.0.0.1:" + port + "/ops", "dev", Map.of());

    StateUnavailableException e =
        assertThrows(
            StateUnavailableException.class,
            () ->
                new PostgresStateLock(url, clock, 1, "0.1.0", UUID::randomUUID)
                    .acquire(new LockRequest("plan", "me@here"), Duration.ZERO));

    assertTrue(
        e.getMessage().startsWith("cannot connect to PostgreSQL at 127.0.0.1:" + port + "/ops: "),
        e.getMessage());
    assertTrue(e.hint().contains("flowform changed nothing"), e.hint());
    assertNoPassword(e, "unreachable-secret");
  }

  @Test
  void aWrongPasswordIsReportedWithoutShowingEitherPassword(TestSchema schema) {
    PostgresUrl good = schema.parsedUrl("dev");
    PostgresUrl wrong =
        new PostgresUrl(
            good.host(),
            good.port(),
            good.database(),
            good.user(),
            "wrong-secret-123",
            good.schema(),
            good.key(),
            good.options());

    FlowformException e =
        assertThrows(
            FlowformException.class, () -> PostgresStateStore.open(wrong, States.APPLY, clock));

    assertTrue(e.getMessage().contains("refused user 'flowform_test': "), e.getMessage());
    assertTrue(e.getMessage().contains("password authentication failed"), e.getMessage());
    assertTrue(e.hint().contains("PGPASSWORD"), e.hint());
    assertNoPassword(e, "wrong-secret-123", schema.password());
  }

  @Test
  void aMissingDatabaseIsNamed(TestSchema schema) {
    PostgresUrl good = schema.parsedUrl("dev");
    PostgresUrl missing =
        new PostgresUrl(
            good.host(),
            good.port(),
            "no_such_db",
            good.user(),
            good.password(),
            good.schema(),
            good.key(),
            good.options());

    FlowformException e =
        assertThrows(
            FlowformException.class, () -> PostgresStateStore.open(missing, States.APPLY, clock));

    assertEquals(
        "database 'no_such_db' does not exist on PostgreSQL at " + good.server(), e.getMessage());
    assertNoPassword(e, schema.password());
  }

  @Test
  void aLockWhoseConnectionDropsIsGoneAndClosingItIsQuiet(TestSchema schema) throws Exception {
    String session = "lock-" + schema.name();
    LockHandle held =
        new PostgresStateLock(schema.parsedUrl("dev", session), clock, 1, "0.1.0", UUID::randomUUID)
            .acquire(new LockRequest("apply", "me@here"), Duration.ZERO);

    schema.terminate(session);
    held.close();

    try (LockHandle next =
        new PostgresStateLock(schema.parsedUrl("dev"), clock, 2, "0.1.0", UUID::randomUUID)
            .acquire(new LockRequest("apply", "you@there"), Duration.ZERO)) {
      assertEquals("you@there", next.info().who());
    }
  }

  @Test
  void corruptRowsAreRefusedNamingTheRowAndLeftAsTheyWere(TestSchema schema) throws Exception {
    try (PostgresStateStore store =
        PostgresStateStore.open(schema.parsedUrl("dev"), States.APPLY, clock)) {
      store.write(States.withResources(2));
    }
    schema.execute(
        "UPDATE %s.resources SET doc = jsonb_set(doc, '{secretFingerprints,clientSecret}',"
            + " '\"plain-text\"') WHERE address = 'conn-00001'");

    try (PostgresStateStore store =
        PostgresStateStore.open(schema.parsedUrl("dev"), States.APPLY, clock)) {
      FlowformException e = assertThrows(FlowformException.class, store::read);

      assertTrue(e.getMessage().startsWith("corrupt state 'dev' in PostgreSQL"), e.getMessage());
      assertTrue(e.getMessage().contains("resource 'conn-00001'"), e.getMessage());
      assertTrue(
          e.getMessage().contains("secretFingerprints.clientSecret must be a fingerprint"),
          e.getMessage());
      assertFalse(e.getMessage().contains("plain-text"), e.getMessage());
      assertTrue(e.hint().contains("changed nothing"), e.hint());
    }
    assertEquals(List.of("\"plain-text\""), clientSecrets(schema, "conn-00001"));
    schema.execute(
        "UPDATE %s.resources SET doc = jsonb_set(doc, '{secretFingerprints,clientSecret}',"
            + " to_jsonb('sha256:' || repeat('0', 64))) WHERE address = 'conn-00001'",
        "UPDATE %s.resources SET doc = jsonb_set(doc, '{surprise}', '1')"
            + " WHERE address = 'conn-00000'");
    try (PostgresStateStore store =
        PostgresStateStore.open(schema.parsedUrl("dev"), States.APPLY, clock)) {
      FlowformException e = assertThrows(FlowformException.class, store::read);
      assertTrue(e.getMessage().contains("resource 'conn-00000'"), e.getMessage());
      assertTrue(e.getMessage().contains("unknown field 'surprise'"), e.getMessage());
    }
  }

  private static List<String> clientSecrets(TestSchema schema, String address) throws SQLException {
    try (Connection connection = schema.connect();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT doc->'secretFingerprints'->>'clientSecret' FROM \""
                    + schema.name()
                    + "\".resources WHERE address = ?")) {
      query.setString(1, address);
      List<String> values = new ArrayList<>();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          values.add("\"" + row.getString(1) + "\"");
        }
      }
      return values;
    }
  }

  @Test
  void aStateOfAnUnknownFormatVersionIsRefused(TestSchema schema) throws Exception {
    try (PostgresStateStore store =
        PostgresStateStore.open(schema.parsedUrl("dev"), States.APPLY, clock)) {
      store.write(States.withResources(1));
    }
    schema.execute("UPDATE %s.states SET format_version = 2");

    try (PostgresStateStore store =
        PostgresStateStore.open(schema.parsedUrl("dev"), States.APPLY, clock)) {
      FlowformException e = assertThrows(FlowformException.class, store::read);

      assertTrue(e.getMessage().startsWith("state 'dev' in PostgreSQL 127.0.0.1:"), e.getMessage());
      assertTrue(e.getMessage().contains("has formatVersion 2"), e.getMessage());
      assertTrue(e.hint().contains("upgrade flowform"), e.hint());
    }
  }
}
