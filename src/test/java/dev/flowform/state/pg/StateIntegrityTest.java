package dev.flowform.state.pg;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.diag.FlowformException;
import dev.flowform.state.State;
import dev.flowform.testing.HandClock;
import dev.flowform.testing.PostgresExtension;
import dev.flowform.testing.TestSchema;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 21, item 4: the rows of a PostgreSQL state follow the rules of a state file's ids (one
 * address per id, ids shaped like the platform's), checked on read, and enforced by the database
 * where it can.
 */
@ExtendWith(PostgresExtension.class)
class StateIntegrityTest {
  private final HandClock clock = new HandClock(States.T0);

  private PostgresStateStore store(TestSchema schema) {
    return PostgresStateStore.open(schema.parsedUrl("dev"), States.APPLY, clock);
  }

  private static String table(TestSchema schema) {
    return "\"" + schema.name() + "\".resources";
  }

  @Test
  void oneIdUnderTwoAddressesIsRefusedOnReadAndByTheDatabase(TestSchema schema)
      throws SQLException {
    State state = States.withResources(2);
    try (PostgresStateStore store = store(schema)) {
      store.write(state);
    }
    String first = state.resources().get(States.address(0)).id();
    String second = States.address(1);

    SQLException refused =
        assertThrows(
            SQLException.class,
            () ->
                schema.execute(
                    "UPDATE "
                        + table(schema)
                        + " SET doc = jsonb_set(doc, '{id}', to_jsonb('"
                        + first.toUpperCase(java.util.Locale.ROOT)
                        + "'::text)) WHERE address = '"
                        + second
                        + "'"));
    assertTrue(refused.getMessage().contains("resources_one_address_per_id"), refused.getMessage());

    schema.execute(
        "ALTER TABLE " + table(schema) + " DROP CONSTRAINT resources_one_address_per_id",
        "UPDATE "
            + table(schema)
            + " SET doc = jsonb_set(doc, '{id}', to_jsonb('"
            + first
            + "'::text)) WHERE address = '"
            + second
            + "'");
    try (PostgresStateStore store = store(schema)) {
      FlowformException e = assertThrows(FlowformException.class, store::read);
      assertTrue(
          e.getMessage().contains("already recorded for '" + States.address(0)), e.getMessage());
    }
  }

  @Test
  void anIdNotShapedLikeThePlatformsIsRefusedOnReadAndByTheDatabase(TestSchema schema)
      throws SQLException {
    State state = States.withResources(1);
    try (PostgresStateStore store = store(schema)) {
      store.write(state);
    }
    String update =
        "UPDATE "
            + table(schema)
            + " SET doc = jsonb_set(doc, '{id}', to_jsonb('conn-2''s id'::text))";

    SQLException refused = assertThrows(SQLException.class, () -> schema.execute(update));
    assertTrue(refused.getMessage().contains("resources_id_form"), refused.getMessage());

    schema.execute("ALTER TABLE " + table(schema) + " DROP CONSTRAINT resources_id_form", update);
    try (PostgresStateStore store = store(schema)) {
      FlowformException e = assertThrows(FlowformException.class, store::read);
      assertTrue(e.getMessage().contains("is not a UUID"), e.getMessage());
    }
  }

  @Test
  void aMappingSetIdOf32HexDigitsIsAccepted(TestSchema schema) throws SQLException {
    try (PostgresStateStore store = store(schema)) {
      store.write(States.withResources(1));
    }
    schema.execute(
        "UPDATE "
            + table(schema)
            + " SET doc = jsonb_set(doc, '{id}', to_jsonb('0123456789abcdef0123456789ABCDEF'::text))");
    try (PostgresStateStore store = store(schema)) {
      assertTrue(store.read().isPresent());
    }
  }
}
