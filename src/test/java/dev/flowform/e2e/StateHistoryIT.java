package dev.flowform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowform.cli.CliRun;
import dev.flowform.emulator.EmulatorConfig;
import dev.flowform.emulator.FlowServiceEmulator;
import dev.flowform.model.PostgresUrl;
import dev.flowform.testing.PostgresExtension;
import dev.flowform.testing.TestSchema;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code state history} and {@code state show --serial} on a PostgreSQL state. */
@ExtendWith(PostgresExtension.class)
class StateHistoryIT {
  @TempDir Path dir;
  private FlowServiceEmulator emulator;

  @BeforeEach
  void start() {
    emulator = FlowServiceEmulator.start(EmulatorConfig.builder().build());
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void historyShowsAMoveAsFromArrowTo(TestSchema schema) {
    Workspace ws = workspace(schema);
    ok(ws.run("apply", "--env", "test", "--auto-approve"));
    ok(ws.run("state", "mv", "--env", "test", "sales-hubspot", "sales-crm"));

    CliRun history = ok(ws.run("state", "history", "--env", "test"));
    String last = history.out().strip().lines().reduce((a, b) -> b).orElseThrow();
    assertTrue(last.contains("state mv"), history.out());
    assertTrue(last.endsWith("sales-hubspot -> sales-crm"), history.out());
    assertFalse(last.contains("address(es)"), last);
  }

  @Test
  void stateShowAtASerialWithoutAnAddressPrintsTheWholeVersion(TestSchema schema) throws Exception {
    Workspace ws = workspace(schema);
    ok(ws.run("apply", "--env", "test", "--auto-approve"));
    ok(ws.run("state", "mv", "--env", "test", "sales-hubspot", "sales-crm"));

    CliRun history = ok(ws.run("state", "history", "--env", "test"));
    List<String> rows = history.out().strip().lines().toList();
    long before = Long.parseLong(rows.get(rows.size() - 2).split("\\s+")[0]);
    CliRun first = ok(ws.run("state", "show", "--env", "test", "--serial", Long.toString(before)));
    JsonNode version = new ObjectMapper().readTree(first.out());
    assertEquals(before, version.get("serial").asLong(), first.out());
    assertTrue(version.get("resources").has("sales-hubspot"), first.out());
    assertTrue(version.get("resources").has("marketing-hubspot"), first.out());
    assertFalse(version.get("resources").has("sales-crm"), first.out());

    CliRun now = ok(ws.run("state", "show", "--env", "test"));
    JsonNode current = new ObjectMapper().readTree(now.out());
    assertTrue(current.get("resources").has("sales-crm"), now.out());
    assertFalse(current.get("resources").has("sales-hubspot"), now.out());
  }

  @Test
  void controlCharactersNeverReachTheHistoryNorItsPrintout(TestSchema schema) throws Exception {
    Workspace ws = workspace(schema).setEnv("USER", "ev\u001b[31mil\u0007");
    ok(ws.run("apply", "--env", "test", "--auto-approve"));
    // a row as another writer (an older flowform, a hand edit) may have left it
    schema.execute(
        "UPDATE \""
            + schema.name()
            + "\".versions SET operation = 'apply' || chr(27) || '[2J' WHERE key = 'history-test'");

    CliRun history = ok(ws.run("state", "history", "--env", "test"));

    assertFalse(history.out().chars().anyMatch(c -> c == 0x1b || c == 0x07), history.out());
    assertTrue(history.out().contains("ev[31mil@"), history.out());
    assertTrue(history.out().contains("apply[2J"), history.out());
    try (var connection = schema.connect();
        var rows =
            connection
                .createStatement()
                .executeQuery("SELECT who FROM \"" + schema.name() + "\".versions")) {
      while (rows.next()) {
        assertFalse(rows.getString(1).contains("\u001b"), "stored: " + rows.getString(1));
      }
    }
  }

  private Workspace workspace(TestSchema schema) {
    Workspace ws =
        new Workspace(dir.resolve("ws"), emulator)
            .connection("sales-hubspot", "Sales HubSpot")
            .connection("marketing-hubspot", "Marketing HubSpot");
    ws.setEnv("PGPASSWORD", schema.password());
    ws.writeEnvironment("test", Workspace.SANDBOX, "  state: \"" + url(schema) + "\"\n");
    return ws;
  }

  private static String url(TestSchema schema) {
    PostgresUrl parsed = schema.parsedUrl("history-test");
    return "postgresql://"
        + parsed.user()
        + "@"
        + parsed.host()
        + ":"
        + parsed.port()
        + "/"
        + parsed.database()
        + "?schema="
        + schema.name()
        + "&key=history-test";
  }

  private static CliRun ok(CliRun run) {
    assertEquals(0, run.exitCode(), run.out() + run.err());
    return run;
  }
}
