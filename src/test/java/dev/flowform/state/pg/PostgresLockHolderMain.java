package dev.flowform.state.pg;

import dev.flowform.model.PostgresUrl;
import dev.flowform.state.LockHandle;
import dev.flowform.state.LockRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Run in a child JVM by the lock tests: takes the lock of the state whose URL is in {@code
 * FLOWFORM_TEST_LOCK_URL} (an environment variable, not an argument, so that the password does not
 * show in the process list), prints {@code LOCKED <id>} and keeps it until killed.
 */
public final class PostgresLockHolderMain {
  private PostgresLockHolderMain() {}

  public static void main(String[] args) throws Exception {
    PostgresUrl url = PostgresUrl.parse(System.getenv("FLOWFORM_TEST_LOCK_URL"), "dev", Map.of());
    PostgresStateLock lock =
        new PostgresStateLock(
            url, Clock.systemUTC(), ProcessHandle.current().pid(), "test", UUID::randomUUID);
    LockHandle held = lock.acquire(new LockRequest("apply", "child@test"), Duration.ZERO);
    System.out.println("LOCKED " + held.info().id());
    System.out.flush();
    while (System.in.read() >= 0) {
      // hold the lock until stdin closes or the process is killed
    }
    held.close();
  }
}
