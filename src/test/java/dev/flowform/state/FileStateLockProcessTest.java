package dev.flowform.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.diag.FlowformException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock against another real process: a dead process never leaves a stuck lock. */
class FileStateLockProcessTest {
  @TempDir Path dir;
  private final List<Process> children = new ArrayList<>();

  @AfterEach
  void killChildren() throws InterruptedException {
    for (Process child : children) {
      child.destroyForcibly().waitFor();
    }
  }

  private Path stateFile() {
    return dir.resolve("dev.state.json");
  }

  private FileStateLock lock() {
    return new FileStateLock(stateFile(), Clock.systemUTC(), 1, "0.1.0", UUID::randomUUID);
  }

  @Test
  void aLockHeldByAnotherProcessIsFreedWhenThatProcessIsKilled() throws Exception {
    Process child = start("hold");
    String lockId = awaitLocked(child);

    StateLockedException locked =
        assertThrows(
            StateLockedException.class,
            () -> lock().acquire(new LockRequest("apply", "me@here"), Duration.ZERO));
    assertTrue(locked.getMessage().contains("child@test, pid " + child.pid()), locked.getMessage());
    assertEquals(lockId, locked.holder().orElseThrow().id());
    FlowformException refused =
        assertThrows(FlowformException.class, () -> lock().forceUnlock(lockId));
    assertTrue(refused.getMessage().contains("held by a running process"), refused.getMessage());

    child.destroyForcibly().waitFor();

    try (LockHandle mine = lock().acquire(new LockRequest("apply", "me@here"), Duration.ZERO)) {
      assertEquals("me@here", mine.info().who());
    }
  }

  @Test
  void aFailedAttemptInThisProcessDoesNotReleaseTheHoldersLock() throws Exception {
    try (LockHandle held = lock().acquire(new LockRequest("apply", "me@here"), Duration.ZERO)) {
      assertThrows(
          StateLockedException.class,
          () -> lock().acquire(new LockRequest("plan", "me@here"), Duration.ZERO));

      Process prober = start("try");

      assertEquals("apply", held.info().operation());
      assertEquals(3, prober.waitFor(), "another process must still find the lock held");
    }
  }

  private Process start(String mode) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LockHolderMain.class.getName(),
                mode,
                stateFile().toString())
            .redirectErrorStream(true)
            .start();
    children.add(child);
    return child;
  }

  private static String awaitLocked(Process child) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertTrue(line != null && line.startsWith("LOCKED "), "child said: " + line);
    return line.substring("LOCKED ".length());
  }
}
