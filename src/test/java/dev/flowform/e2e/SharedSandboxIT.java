package dev.flowform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.cli.CliRun;
import dev.flowform.emulator.EmulatedConnection;
import dev.flowform.emulator.EmulatorConfig;
import dev.flowform.emulator.FlowServiceEmulator;
import dev.flowform.model.PostgresUrl;
import dev.flowform.testing.PostgresExtension;
import dev.flowform.testing.TestSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21, item 3: two state keys of one PostgreSQL schema bound to the same sandbox take two
 * different locks. Applied at once, they must not both create: the second is refused before it
 * sends anything, unless both URLs ask to share the sandbox.
 */
@ExtendWith(PostgresExtension.class)
class SharedSandboxIT {
  private static final int COUNT = 20;

  @TempDir Path dir;
  private FlowServiceEmulator emulator;

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void twoKeysOfOneSandboxApplyingAtOnceCreateEachConnectionOnceAndOneIsRefused(TestSchema schema)
      throws Exception {
    emulator =
        FlowServiceEmulator.start(EmulatorConfig.builder().latency(Duration.ofMillis(30)).build());
    Workspace a = clone(dir.resolve("a"), schema, "key-a", "", "conn", "HubSpot");
    Workspace b = clone(dir.resolve("b"), schema, "key-b", "", "conn", "HubSpot");

    Process first = KillIT.startApply(a, 2);
    Process second = KillIT.startApply(b, 2);
    int exitA = first.waitFor();
    int exitB = second.waitFor();

    String logs = log(a) + log(b);
    assertEquals(1, exitA + exitB, "one applied, the other was refused: " + logs);
    assertTrue(logs.contains("shared_sandbox=true"), logs);
    List<EmulatedConnection> remote = emulator.connections(Workspace.SANDBOX);
    Set<String> names = new HashSet<>();
    remote.forEach(c -> assertTrue(names.add(c.name()), "duplicate " + c.name()));
    assertEquals(COUNT, remote.size());
  }

  @Test
  void keysThatAskToShareTheSandboxApplyTheirOwnConnections(TestSchema schema) {
    emulator = FlowServiceEmulator.start(EmulatorConfig.defaults());
    String shared = "&shared_sandbox=true";
    Workspace a = clone(dir.resolve("a"), schema, "key-a", shared, "team-a", "Team A");
    Workspace b = clone(dir.resolve("b"), schema, "key-b", shared, "team-b", "Team B");

    CliRun ranA = a.run("apply", "--env", "test", "--auto-approve");
    CliRun ranB = b.run("apply", "--env", "test", "--auto-approve");

    assertEquals(0, ranA.exitCode(), ranA.out() + ranA.err());
    assertEquals(0, ranB.exitCode(), ranB.out() + ranB.err());
    assertEquals(2 * COUNT, emulator.connections(Workspace.SANDBOX).size());

    Workspace unasked = clone(dir.resolve("c"), schema, "key-a", "", "team-a", "Team A");
    CliRun refused = unasked.run("apply", "--env", "test", "--auto-approve");
    assertEquals(1, refused.exitCode(), refused.out() + refused.err());
    assertTrue(refused.err().contains("'key-b'"), refused.err());
  }

  private Workspace clone(
      Path root, TestSchema schema, String key, String options, String prefix, String name) {
    Workspace ws = new Workspace(root, emulator);
    for (int i = 0; i < COUNT; i++) {
      ws.connection(String.format("%s-%03d", prefix, i), String.format("%s %03d", name, i));
    }
    ws.setEnv("PGPASSWORD", schema.password());
    PostgresUrl parsed = schema.parsedUrl(key);
    String url =
        "postgresql://%s@%s:%d/%s?schema=%s&key=%s%s"
            .formatted(
                parsed.user(),
                parsed.host(),
                parsed.port(),
                parsed.database(),
                schema.name(),
                key,
                options);
    ws.writeEnvironment("test", Workspace.SANDBOX, "  state: \"" + url + "\"\n");
    return ws;
  }

  private static String log(Workspace ws) throws java.io.IOException {
    return Files.readString(ws.root().resolve("child.log"));
  }
}
