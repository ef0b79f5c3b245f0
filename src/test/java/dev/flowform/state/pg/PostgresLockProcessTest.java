package dev.flowform.state.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.diag.FlowformException;
import dev.flowform.state.LockHandle;
import dev.flowform.state.LockRequest;
import dev.flowform.state.StateLockedException;
import dev.flowform.testing.PostgresExtension;
import dev.flowform.testing.TestSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The lock against another real process: kill -9 never leaves a stale lock in the database. */
@ExtendWith(PostgresExtension.class)
class PostgresLockProcessTest {
  private Process child;

  @AfterEach
  void killChild() throws InterruptedException {
    if (child != null) {
      child.destroyForcibly().waitFor();
    }
  }

  @Test
  void aLockHeldByAProcessKilledOutrightIsFreeAtOnce(TestSchema schema) throws Exception {
    child = start(schema.url("dev"));
    String lockId = awaitLocked(child);
    PostgresStateLock lock =
        new PostgresStateLock(
            schema.parsedUrl("dev"), Clock.systemUTC(), 1, "0.1.0", UUID::randomUUID);

    StateLockedException locked =
        assertThrows(
            StateLockedException.class,
            () -> lock.acquire(new LockRequest("apply", "me@here"), Duration.ZERO));
    assertTrue(locked.getMessage().contains("child@test, pid " + child.pid()), locked.getMessage());
    assertEquals(lockId, locked.holder().orElseThrow().id());
    FlowformException refused =
        assertThrows(FlowformException.class, () -> lock.forceUnlock(lockId));
    assertTrue(
        refused.getMessage().contains("held by a live database session"), refused.getMessage());

    child.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no goodbye to the server

    try (LockHandle mine =
        lock.acquire(new LockRequest("apply", "me@here"), Duration.ofSeconds(10))) {
      assertEquals("me@here", mine.info().who());
    }
  }

  private static Process start(String url) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                PostgresLockHolderMain.class.getName())
            .redirectErrorStream(true);
    builder.environment().put("FLOWFORM_TEST_LOCK_URL", url);
    return builder.start();
  }

  private static String awaitLocked(Process child) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertTrue(line != null && line.startsWith("LOCKED "), "child said: " + line);
    return line.substring("LOCKED ".length());
  }
}
