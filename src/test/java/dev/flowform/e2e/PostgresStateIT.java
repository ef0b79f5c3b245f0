package dev.flowform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.cli.CliRun;
import dev.flowform.emulator.EmulatedConnection;
import dev.flowform.emulator.EmulatorConfig;
import dev.flowform.emulator.FlowServiceEmulator;
import dev.flowform.model.PostgresUrl;
import dev.flowform.state.ResourceState;
import dev.flowform.state.State;
import dev.flowform.state.StateStore;
import dev.flowform.state.pg.PostgresStateStore;
import dev.flowform.testing.PostgresExtension;
import dev.flowform.testing.TestSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real flowform processes keeping their state in a real PostgreSQL database: clones applying at
 * once, a killed apply, a lost database session, and migration between a file and the database. The
 * password is given by PGPASSWORD only, and must appear in no output and no file.
 */
@ExtendWith(PostgresExtension.class)
class PostgresStateIT {
  private static final String KEY = "shared-test";

  @TempDir Path dir;
  private FlowServiceEmulator emulator;
  private final List<String> outputs = new ArrayList<>();

  @AfterEach
  void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }

  @Test
  void twoClonesApplyingAtOnceTakeTurnsAndCreateEachConnectionOnce(TestSchema schema)
      throws Exception {
    int count = 20;
    startEmulator(Duration.ofMillis(20));
    Workspace a = clone(dir.resolve("a"), schema, "", count);
    Workspace b = clone(dir.resolve("b"), schema, "", count);

    Process first = startApply(a, "--lock-timeout", "60s");
    Process second = startApply(b, "--lock-timeout", "60s");

    assertEquals(0, first.waitFor(), log(a));
    assertEquals(0, second.waitFor(), log(b));
    assertConverged(schema, count);
    assertEquals(count, Sent.changes(emulator), "the one that waited had nothing left to do");
    assertNoPasswordAnywhere(schema, a, b);
  }

  @Test
  void anApplyKilledMidwayLeavesNoStaleLockAndAnotherCloneFinishesTheJob(TestSchema schema)
      throws Exception {
    int count = 100;
    startEmulator(Duration.ofMillis(20));
    Workspace killed = clone(dir.resolve("killed"), schema, "", count);
    // the emulator answers in 20 ms: the rerun waits out the killed run's POSTs for 5 s, not the
    // default two minutes (a POST the kill stopped after its pending record, before it went out,
    // never lands), as KillIT's does
    Workspace other =
        clone(dir.resolve("other"), schema, "", count).setEnv("FLOWFORM_REQUEST_TIMEOUT", "5s");

    Process child = startApply(killed);
    waitUntil(() -> emulator.connections(Workspace.SANDBOX).size() >= 10, child);
    child.destroyForcibly().waitFor();
    assertTrue(emulator.connections(Workspace.SANDBOX).size() < count, "killed midway");

    Instant start = Instant.now();
    CliRun resumed =
        run(other, "apply", "--env", "test", "--auto-approve", "--lock-timeout", "20s");

    assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
    Duration took = Duration.between(start, Instant.now());
    assertTrue(took.compareTo(Duration.ofSeconds(15)) < 0, "no stale lock held it up: " + took);
    assertConverged(schema, count);
    assertNoPasswordAnywhere(schema, killed, other);
  }

  @Test
  void aLostDatabaseSessionStopsTheApplyClearlyAndTheNextApplyFinishesIt(TestSchema schema)
      throws Exception {
    int count = 60;
    startEmulator(Duration.ofMillis(20));
    Workspace ws = clone(dir.resolve("ws"), schema, "&application_name=ff_victim", count);

    Process child = startApply(ws);
    waitUntil(() -> emulator.connections(Workspace.SANDBOX).size() >= 8, child);
    schema.terminate("ff_victim");
    int atLoss = emulator.connections(Workspace.SANDBOX).size();

    assertEquals(1, child.waitFor(), log(ws));
    int atExit = emulator.connections(Workspace.SANDBOX).size();
    assertTrue(atExit <= atLoss + 2, "no new change after the loss: " + atLoss + " -> " + atExit);
    String log = log(ws);
    assertFalse(log.contains("\tat ") || log.contains("Exception"), log);
    long lost =
        log.lines()
            .filter(
                l ->
                    l.startsWith("error:")
                        && (l.contains("lost the connection to PostgreSQL")
                            // the fence may see the lock's session gone before the store's
                            || l.contains("no longer holds the lock")))
            .count();
    // two workers, and the change whose last record was on its way to the database
    assertTrue(lost >= 1 && lost <= 3, "said once per change in flight, then stopped: " + log);

    Workspace next = clone(ws.root(), schema, "", count);
    CliRun resumed = run(next, "apply", "--env", "test", "--auto-approve");
    assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
    assertConverged(schema, count);
    assertNoPasswordAnywhere(schema, ws);
  }

  @Test
  void anApplyWhoseLockSessionEndedSendsNothingMoreOnceAnotherApplyTookTheLock(TestSchema schema)
      throws Exception {
    int count = 100;
    startEmulator(Duration.ofMillis(100));
    Workspace fenced = clone(dir.resolve("fenced"), schema, "", count);
    Workspace taker = clone(dir.resolve("taker"), schema, "", count);

    Process child = startApply(fenced);
    waitUntil(() -> emulator.connections(Workspace.SANDBOX).size() >= 6, child);
    schema.terminateLockHolder(KEY); // its lock alone: its state session goes on
    CliRun taken = run(taker, "apply", "--env", "test", "--auto-approve", "--lock-timeout", "30s");

    assertEquals(1, child.waitFor(), log(fenced));
    assertEquals(0, taken.exitCode(), taken.out() + taken.err());
    assertTrue(log(fenced).contains("no longer holds the lock"), log(fenced));
    assertConverged(schema, count);
    long posts =
        emulator.requestCounts().entrySet().stream()
            .filter(e -> e.getKey().startsWith("POST /data/foundation/flowservice/connections"))
            .mapToLong(Map.Entry::getValue)
            .sum();
    assertEquals(count, posts, "one POST per connection: no duplicate, none resent");
  }

  @Test
  void stateMigratesFromAFileToTheDatabaseAndBackWithNothingToDo(TestSchema schema)
      throws Exception {
    int count = 5;
    startEmulator(Duration.ZERO);
    Workspace ws = Numbered.connections(new Workspace(dir.resolve("m"), emulator), count);
    ws.setEnv("PGPASSWORD", schema.password());
    assertEquals(0, run(ws, "apply", "--env", "test", "--auto-approve").exitCode());
    byte[] file = Files.readAllBytes(ws.stateFile());

    CliRun toDb = run(ws, "state", "migrate", "--env", "test", "--to", url(schema, KEY, ""));
    assertEquals(0, toDb.exitCode(), toDb.out() + toDb.err());
    assertEquals(
        new String(file), new String(Files.readAllBytes(ws.stateFile())), "source untouched");

    writeEnvironment(ws, url(schema, KEY, ""));
    CliRun onDb = run(ws, "plan", "--env", "test", "--detailed-exitcode", "--verbose");
    assertEquals(0, onDb.exitCode(), onDb.out() + onDb.err());
    assertEquals(count, stateIn(schema, KEY).resources().size());

    Path back = ws.root().resolve("back.state.json");
    CliRun toFile = run(ws, "state", "migrate", "--env", "test", "--to", back.toString());
    assertEquals(0, toFile.exitCode(), toFile.out() + toFile.err());
    writeEnvironment(ws, back.toString());
    CliRun onFile = run(ws, "plan", "--env", "test", "--detailed-exitcode");
    assertEquals(0, onFile.exitCode(), onFile.out() + onFile.err());

    Workspace stranger = new Workspace(dir.resolve("s"), emulator).connection("lone", "Lone one");
    stranger.setEnv("PGPASSWORD", schema.password());
    assertEquals(0, run(stranger, "apply", "--env", "test", "--auto-approve").exitCode());
    CliRun refused =
        run(stranger, "state", "migrate", "--env", "test", "--to", url(schema, KEY, ""));
    assertNotEquals(0, refused.exitCode(), refused.out());
    assertTrue((refused.out() + refused.err()).contains("lineage"), refused.err());
    assertEquals(count, stateIn(schema, KEY).resources().size(), "the other lineage is kept");
    assertNoPasswordAnywhere(schema, ws, stranger);
  }

  private void startEmulator(Duration latency) {
    emulator = FlowServiceEmulator.start(EmulatorConfig.builder().latency(latency).build());
  }

  /** A work folder of its own whose state is {@code KEY} in the database; PGPASSWORD only. */
  private Workspace clone(Path root, TestSchema schema, String options, int count) {
    Workspace ws = Numbered.connections(new Workspace(root, emulator), count);
    ws.setEnv("PGPASSWORD", schema.password());
    writeEnvironment(ws, url(schema, KEY, options));
    return ws;
  }

  /** The state URL with no password in it. */
  private static String url(TestSchema schema, String key, String options) {
    PostgresUrl parsed = schema.parsedUrl(key);
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
        + "&key="
        + key
        + options;
  }

  private void writeEnvironment(Workspace ws, String state) {
    ws.write(
        "environments/test.yaml",
        """
        apiVersion: flowform/v1
        kind: Environment
        metadata:
          name: test
        spec:
          sandbox: %s
          orgId: %s
          endpoint: %s
          state: "%s"
          credentials:
            clientId: ${env:AEP_CLIENT_ID}
            clientSecret: ${env:AEP_CLIENT_SECRET}
            imsEndpoint: %s
        """
            .formatted(
                Workspace.SANDBOX,
                Workspace.ORG,
                emulator.flowServiceUrl(),
                state,
                emulator.imsUrl()));
  }

  private CliRun run(Workspace ws, String... args) {
    CliRun result = ws.run(args);
    outputs.add(result.out());
    outputs.add(result.err());
    return result;
  }

  private static State stateIn(TestSchema schema, String key) {
    try (StateStore store = PostgresStateStore.openReadOnly(schema.parsedUrl(key))) {
      return store.read().orElseThrow();
    }
  }

  /** Each connection exists once on the emulator, and the database state records its id. */
  private void assertConverged(TestSchema schema, int count) {
    List<EmulatedConnection> remote = emulator.connections(Workspace.SANDBOX);
    Set<String> names = new HashSet<>();
    remote.forEach(c -> assertTrue(names.add(c.name()), "duplicate " + c.name()));
    assertEquals(count, remote.size());
    Map<String, ResourceState> recorded = stateIn(schema, KEY).resources();
    assertEquals(count, recorded.size());
    for (EmulatedConnection c : remote) {
      ResourceState entry = recorded.get(Numbered.address(c));
      assertEquals(c.id(), entry.id(), Numbered.address(c));
    }
  }

  private void assertNoPasswordAnywhere(TestSchema schema, Workspace... workspaces)
      throws IOException {
    String password = schema.password();
    for (String output : outputs) {
      assertFalse(output.contains(password), output);
    }
    for (Workspace ws : workspaces) {
      try (Stream<Path> files = Files.walk(ws.root())) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          assertFalse(new String(Files.readAllBytes(file)).contains(password), file.toString());
        }
      }
    }
  }

  private static String log(Workspace ws) throws IOException {
    return Files.readString(ws.root().resolve("child.log"));
  }

  private static Process startApply(Workspace ws, String... more) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        new ArrayList<>(
            List.of(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.flowform.cli.Main",
                "apply",
                "--env",
                "test",
                "--auto-approve",
                "--verbose",
                "--parallelism",
                "2"));
    command.addAll(List.of(more));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(ws.root().toFile())
            .redirectErrorStream(true)
            .redirectOutput(ws.root().resolve("child.log").toFile());
    builder.environment().putAll(ws.env());
    return builder.start();
  }

  private static void waitUntil(BooleanSupplier condition, Process child)
      throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (!condition.getAsBoolean()) {
      if (!child.isAlive() || Instant.now().isAfter(deadline)) {
        throw new AssertionError("the child apply ended or stalled before it could be stopped");
      }
      Thread.sleep(20);
    }
  }
}
