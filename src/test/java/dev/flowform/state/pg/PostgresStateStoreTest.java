package dev.flowform.state.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.state.ResourceState;
import dev.flowform.state.State;
import dev.flowform.state.StateConflictException;
import dev.flowform.testing.HandClock;
import dev.flowform.testing.PostgresExtension;
import dev.flowform.testing.TestSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresStateStoreTest {
  private final HandClock clock = new HandClock(States.T0);

  private PostgresStateStore store(TestSchema schema) {
    return store(schema, "dev");
  }

  private PostgresStateStore store(TestSchema schema, String key) {
    return PostgresStateStore.open(schema.parsedUrl(key), States.APPLY, clock);
  }

  private static Optional<State> readFresh(TestSchema schema) {
    try (PostgresStateStore other =
        PostgresStateStore.open(schema.parsedUrl("dev"), States.APPLY, new HandClock(States.T0))) {
      return other.read();
    }
  }

  private static long count(TestSchema schema, String table) throws SQLException {
    try (Connection connection = schema.connect();
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT count(*) FROM \"" + schema.name() + "\"." + table + " WHERE key = 'dev'")) {
      row.next();
      return row.getLong(1);
    }
  }

  @Test
  void anEmptyDatabaseHasNoStateYet(TestSchema schema) {
    try (PostgresStateStore store = store(schema)) {
      assertEquals(Optional.empty(), store.read());
    }
  }

  @Test
  void aWrittenStateReadsBackEqualFromAnotherConnection(TestSchema schema) {
    State state = States.withResources(3);
    try (PostgresStateStore store = store(schema)) {
      store.write(state);
    }

    assertEquals(Optional.of(state), readFresh(schema));
  }

  @Test
  void eachRecordIsCommittedAsItHappensAndMovesTheSerialOnByOne(TestSchema schema) {
    try (PostgresStateStore store = store(schema)) {
      State state = States.withResources(2);
      store.write(state);
      store.read();

      State pending = state.with("new-one", States.pending(7));
      store.record(pending, "new-one");
      assertEquals(Optional.of(pending), readFresh(schema));

      State created = pending.with("new-one", States.created(7));
      store.record(created, "new-one");
      assertEquals(Optional.of(created), readFresh(schema));

      ResourceState patched =
          States.withEtag(States.created(7), "\"etag-2\"", States.T0.plusSeconds(60));
      State updated = created.with("new-one", patched);
      store.record(updated, "new-one");
      assertEquals(Optional.of(updated), readFresh(schema));

      State deleted = updated.without("new-one");
      store.record(deleted, "new-one");
      assertEquals(Optional.of(deleted), readFresh(schema));
      assertEquals(state.serial() + 4, readFresh(schema).orElseThrow().serial());
    }
  }

  @Test
  void theFirstRecordOfANewStateWritesItWhole(TestSchema schema) {
    try (PostgresStateStore store = store(schema)) {
      assertEquals(Optional.empty(), store.read());
      State first = States.empty().with(States.address(0), States.pending(0));

      store.record(first, States.address(0));

      assertEquals(Optional.of(first), readFresh(schema));
    }
  }

  @Test
  void aRecordTouchesOneResourceRowAndAddsOneVersionAndOneChange(TestSchema schema)
      throws SQLException {
    try (PostgresStateStore store = store(schema)) {
      State state = States.withResources(50);
      store.write(state);
      long changes = count(schema, "changes");
      long versions = count(schema, "versions");

      store.record(state.with(States.address(3), States.pending(3)), States.address(3));

      assertEquals(changes + 1, count(schema, "changes"));
      assertEquals(versions + 1, count(schema, "versions"));
      assertEquals(50, count(schema, "resources"));
    }
  }

  @Test
  void aRecordThatIsNotAOneAddressChangeIsWrittenWholeAndStillKept(TestSchema schema) {
    try (PostgresStateStore store = store(schema)) {
      State state = States.withResources(3);
      store.write(state);
      SortedMap<String, ResourceState> resources = new TreeMap<>(state.resources());
      resources.remove(States.address(0));
      resources.put(States.address(1), States.pending(1));
      State twoChanges = state.withResources(resources);

      store.record(twoChanges, States.address(1));

      assertEquals(Optional.of(twoChanges), readFresh(schema));
    }
  }

  @Test
  void aSecondWriterThatRecordsAfterTheFirstIsRefusedAndNothingIsLost(TestSchema schema) {
    State start = States.withResources(3);
    try (PostgresStateStore setup = store(schema)) {
      setup.write(start);
    }
    try (PostgresStateStore first = store(schema);
        PostgresStateStore second = store(schema)) {
      first.read();
      second.read();
      State mine = start.with(States.address(0), States.pending(0));
      first.record(mine, States.address(0));

      State theirs = start.with(States.address(1), States.pending(1));
      StateConflictException e =
          assertThrows(
              StateConflictException.class, () -> second.record(theirs, States.address(1)));

      assertTrue(e.getMessage().contains("was changed by another run"), e.getMessage());
      assertTrue(e.getMessage().contains("it is at serial 4 now"), e.getMessage());
      assertTrue(e.getMessage().contains("this run last saw serial 3"), e.getMessage());
      assertTrue(e.getMessage().contains("'conn-00001' was not recorded"), e.getMessage());
      assertTrue(e.getMessage().contains("state 'dev' in PostgreSQL 127.0.0.1:"), e.getMessage());
      assertFalse(e.getMessage().contains(schema.password()), e.getMessage());
      assertEquals(Optional.of(mine), readFresh(schema));
    }
  }

  @Test
  void aSecondWriterThatWritesWholeAfterTheFirstIsRefusedToo(TestSchema schema) {
    State start = States.withResources(3);
    try (PostgresStateStore setup = store(schema)) {
      setup.write(start);
    }
    try (PostgresStateStore first = store(schema);
        PostgresStateStore second = store(schema)) {
      first.read();
      second.read();
      State mine = start.with(States.address(0), States.pending(0));
      first.record(mine, States.address(0));

      assertThrows(StateConflictException.class, () -> second.write(start.without("conn-00002")));

      assertEquals(Optional.of(mine), readFresh(schema));
    }
  }

  @Test
  void twoRunsCreatingTheSameNewStateCannotBothWin(TestSchema schema) {
    try (PostgresStateStore first = store(schema);
        PostgresStateStore second = store(schema)) {
      assertEquals(Optional.empty(), first.read());
      assertEquals(Optional.empty(), second.read());
      State mine = States.withResources(1);
      first.write(mine);

      StateConflictException e =
          assertThrows(StateConflictException.class, () -> second.write(States.withResources(2)));

      assertTrue(e.getMessage().contains("this run found no state there"), e.getMessage());
      assertEquals(Optional.of(mine), readFresh(schema));
    }
  }

  @Test
  void aStoreThatHasNotReadYetWritesOverWhateverIsThere(TestSchema schema) {
    try (PostgresStateStore store = store(schema)) {
      store.write(States.withResources(2));
    }
    try (PostgresStateStore store = store(schema)) {
      State next = States.withResources(4);
      store.write(next);
      assertEquals(Optional.of(next), readFresh(schema));
    }
  }

  @Test
  void writingTheSameStateAgainKeepsNoNewVersion(TestSchema schema) throws SQLException {
    try (PostgresStateStore store = store(schema)) {
      State state = States.withResources(2);
      store.write(state);
      store.write(state);

      assertEquals(1, store.versions().size());
      assertEquals(1, count(schema, "versions"));
    }
  }

  @Test
  void aChangedStateMustComeWithAHigherSerial(TestSchema schema) {
    try (PostgresStateStore store = store(schema)) {
      State state = States.withResources(2);
      store.write(state);
      State sameSerial =
          new State(
              state.formatVersion(),
              state.lineage(),
              state.serial(),
              state.environment(),
              state.sandbox(),
              state.orgId(),
              state.endpoint(),
              state.fingerprintSalt(),
              new TreeMap<>());

      assertThrows(IllegalArgumentException.class, () -> store.write(sameSerial));
      assertEquals(Optional.of(state), readFresh(schema));
    }
  }

  @Test
  void keysAreSeparateStatesInOneSchema(TestSchema schema) {
    try (PostgresStateStore dev = store(schema, "dev");
        PostgresStateStore prod = store(schema, "prod")) {
      dev.read();
      prod.read();
      State devState = States.withResources(2);
      State prodState = States.inSandbox(States.withResources(5), "prod");
      dev.write(devState);
      prod.write(prodState);

      dev.record(devState.without(States.address(0)), States.address(0));

      assertEquals(Optional.of(prodState), prod.read());
      assertEquals(1, dev.read().orElseThrow().resources().size());
    }
  }

  @Test
  void aSecondKeyBoundToTheSameSandboxIsRefusedUnlessItsUrlAsks(TestSchema schema) {
    try (PostgresStateStore dev = store(schema, "dev");
        PostgresStateStore again = store(schema, "dev-again")) {
      dev.write(States.withResources(2));
      again.read();

      StateConflictException e =
          assertThrows(StateConflictException.class, () -> again.write(States.withResources(1)));
      assertTrue(e.getMessage().contains("and so is state 'dev'"), e.getMessage());
      assertTrue(e.hint().contains("shared_sandbox=true"), e.hint());
    }
    try (PostgresStateStore asked =
        PostgresStateStore.open(
            schema.parsedUrl("dev-again").withOption("shared_sandbox", "true"),
            States.APPLY,
            clock)) {
      asked.read();
      asked.write(States.withResources(1));
      assertEquals(1, asked.read().orElseThrow().resources().size());
    }
  }

  @Test
  void theHistoryKeepsEveryVersionWithWhoWhenAndWhichOperation(TestSchema schema) {
    try (PostgresStateStore store = store(schema)) {
      State state = States.withResources(2);
      store.write(state);
      clock.advance(Duration.ofMinutes(1));
      store.record(state.without(States.address(1)), States.address(1));

      var versions = store.versions();

      assertEquals(2, versions.size());
      assertEquals(2, versions.get(0).serial());
      assertEquals(States.T0, versions.get(0).at());
      assertEquals("apply", versions.get(0).operation());
      assertEquals("alice@build-7", versions.get(0).who());
      assertEquals("0.1.0", versions.get(0).version());
      assertEquals(2, versions.get(0).changes());
      assertEquals(Optional.empty(), versions.get(0).address());
      assertEquals(3, versions.get(1).serial());
      assertEquals(States.T0.plusSeconds(60), versions.get(1).at());
      assertEquals(1, versions.get(1).changes());
      assertEquals(Optional.of(States.address(1)), versions.get(1).address());
    }
  }

  @Test
  void everyKeptSerialReadsBackAsItWas(TestSchema schema) {
    try (PostgresStateStore store = store(schema)) {
      State v3 = States.withResources(3);
      store.write(v3);
      State v4 = v3.with("added", States.pending(9));
      store.record(v4, "added");
      State v5 = v4.with("added", States.created(9));
      store.record(v5, "added");
      State v6 = v5.without(States.address(0));
      store.record(v6, States.address(0));
      SortedMap<String, ResourceState> replaced = new TreeMap<>(v6.resources());
      replaced.remove(States.address(1));
      replaced.put("another", States.created(11));
      replaced.put(States.address(2), States.pending(2));
      State v7 = v6.withResources(replaced);
      store.write(v7);
      State v8 = v7.with(States.address(0), States.created(0));
      store.record(v8, States.address(0));

      for (State version : new State[] {v3, v4, v5, v6, v7, v8}) {
        assertEquals(
            Optional.of(version), store.readAt(version.serial()), "serial " + version.serial());
      }
      assertEquals(Optional.empty(), store.readAt(2));
      assertEquals(Optional.empty(), store.readAt(9));
    }
  }

  @Test
  void noSecretIsKeptOnlyFingerprints(TestSchema schema) throws SQLException {
    try (PostgresStateStore store = store(schema)) {
      store.write(States.withResources(3));
    }
    try (Connection connection = schema.connect();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT doc::text FROM \""
                    + schema.name()
                    + "\".resources UNION ALL SELECT doc::text FROM \""
                    + schema.name()
                    + "\".changes")) {
      int seen = 0;
      while (rows.next()) {
        String doc = rows.getString(1);
        assertFalse(doc.contains("secret-"), doc);
        assertFalse(doc.contains("token-"), doc);
        assertTrue(doc.contains("\"clientSecret\": \"sha256:"), doc);
        seen++;
      }
      assertEquals(6, seen);
    }
  }
}
