package dev.flowform.state.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.diag.FlowformException;
import dev.flowform.state.State;
import dev.flowform.testing.HandClock;
import dev.flowform.testing.PostgresExtension;
import dev.flowform.testing.TestSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What read-only commands (status, state list and show, history) get: reads, and no writes. */
@ExtendWith(PostgresExtension.class)
class ReadOnlyStoreTest {

  private static boolean schemaExists(TestSchema schema) throws SQLException {
    try (Connection connection = schema.connect();
        PreparedStatement query =
            connection.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
      query.setString(1, schema.name());
      try (ResultSet row = query.executeQuery()) {
        return row.next();
      }
    }
  }

  @Test
  void aDatabaseWithoutFlowformsSchemaHasNoStateAndGetsNoSchema(TestSchema schema)
      throws SQLException {
    try (PostgresStateStore store = PostgresStateStore.openReadOnly(schema.parsedUrl("dev"))) {
      assertEquals(Optional.empty(), store.read());
      assertEquals(List.of(), store.versions());
      assertEquals(Optional.empty(), store.readAt(1));
    }

    assertFalse(schemaExists(schema));
  }

  @Test
  void itReadsTheStateAndEveryKeptVersion(TestSchema schema) {
    State state = States.withResources(3);
    try (PostgresStateStore writer =
        PostgresStateStore.open(schema.parsedUrl("dev"), States.APPLY, new HandClock(States.T0))) {
      writer.write(state);
      writer.record(state.without(States.address(0)), States.address(0));
    }

    try (PostgresStateStore store = PostgresStateStore.openReadOnly(schema.parsedUrl("dev"))) {
      assertEquals(Optional.of(state.without(States.address(0))), store.read());
      assertEquals(2, store.versions().size());
      assertEquals(Optional.of(state), store.readAt(state.serial()));
    }
  }

  @Test
  void itNeverWrites(TestSchema schema) {
    try (PostgresStateStore store = PostgresStateStore.openReadOnly(schema.parsedUrl("dev"))) {
      assertThrows(IllegalStateException.class, () -> store.write(States.withResources(1)));
      assertThrows(
          IllegalStateException.class,
          () -> store.record(States.withResources(1), States.address(0)));
    }
  }

  @Test
  void itRefusesASchemaNewerThanThisFlowform(TestSchema schema) throws SQLException {
    PostgresStateStore.open(schema.parsedUrl("dev"), States.APPLY, new HandClock(States.T0))
        .close();
    schema.execute(
        "INSERT INTO %s.schema_version (version, description, flowform_version)"
            + " VALUES (4, 'later', '4.0.0')");

    FlowformException e =
        assertThrows(
            FlowformException.class,
            () -> PostgresStateStore.openReadOnly(schema.parsedUrl("dev")));

    assertTrue(e.getMessage().contains("is at version 4, newer"), e.getMessage());
  }
}
