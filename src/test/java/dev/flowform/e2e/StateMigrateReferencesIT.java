package dev.flowform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.cli.CliRun;
import dev.flowform.emulator.EmulatorConfig;
import dev.flowform.emulator.FlowServiceEmulator;
import dev.flowform.model.PostgresUrl;
import dev.flowform.state.StateStore;
import dev.flowform.state.pg.PostgresStateStore;
import dev.flowform.testing.PostgresExtension;
import dev.flowform.testing.TestSchema;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21, low: {@code state migrate --to} resolves {@code ${env:}} as {@code spec.state} does, so
 * neither the database password nor the user name need be typed where {@code ps} shows them.
 */
@ExtendWith(PostgresExtension.class)
class StateMigrateReferencesIT {
  private static final String KEY = "migrate-refs";

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
  void aTargetUrlWithReferencesIsResolvedAndItsPasswordNeverPrinted(TestSchema schema)
      throws Exception {
    Workspace ws = new Workspace(dir.resolve("ws"), emulator).connection("crm", "CRM");
    ok(ws.run("apply", "--env", "test", "--auto-approve"));
    PostgresUrl parsed = schema.parsedUrl(KEY);
    // written into a URL, a password is percent-encoded, as in spec.state
    String encoded =
        URLEncoder.encode(schema.password(), StandardCharsets.UTF_8).replace("+", "%20");
    ws.setEnv("DB_USER", parsed.user()).setEnv("DB_PW", encoded);
    String to =
        "postgresql://${env:DB_USER}:${env:DB_PW}@"
            + parsed.host()
            + ":"
            + parsed.port()
            + "/"
            + parsed.database()
            + "?schema="
            + schema.name()
            + "&key="
            + KEY;

    CliRun migrated = ok(ws.run("state", "migrate", "--env", "test", "--to", to));

    try (StateStore store = PostgresStateStore.openReadOnly(schema.parsedUrl(KEY))) {
      assertEquals(1, store.read().orElseThrow().resources().size());
    }
    String shown = migrated.out() + migrated.err();
    assertFalse(shown.contains(schema.password()), shown);
    assertFalse(shown.contains(encoded), shown);
    assertTrue(shown.contains("Copied the state"), shown);
  }

  @Test
  void aTargetFileNamedByAReferenceIsResolved() throws Exception {
    Workspace ws = new Workspace(dir.resolve("ws"), emulator).connection("crm", "CRM");
    ok(ws.run("apply", "--env", "test", "--auto-approve"));
    ws.setEnv("STATE_DIR", "moved");
    Files.createDirectories(ws.root().resolve("moved"));

    ok(ws.run("state", "migrate", "--env", "test", "--to", "${env:STATE_DIR}/test.json"));

    assertTrue(Files.isRegularFile(ws.root().resolve("moved/test.json")));
  }

  @Test
  void anUnsetReferenceInTheTargetIsAnErrorNamingIt() {
    Workspace ws = new Workspace(dir.resolve("ws"), emulator).connection("crm", "CRM");
    ok(ws.run("apply", "--env", "test", "--auto-approve"));

    CliRun refused =
        ws.run("state", "migrate", "--env", "test", "--to", "postgresql://u:${env:NOPE}@h/db");

    assertEquals(1, refused.exitCode(), refused.out() + refused.err());
    assertTrue(
        refused.err().contains("--to: ${env:NOPE}: environment variable NOPE is not set"),
        refused.err());
  }

  private static CliRun ok(CliRun run) {
    assertEquals(0, run.exitCode(), run.out() + run.err());
    return run;
  }
}
