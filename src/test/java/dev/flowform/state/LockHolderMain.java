package dev.flowform.state;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Run in a child JVM by the lock tests. {@code hold FILE}: takes the lock, prints {@code LOCKED
 * <id>} and keeps it until killed. {@code try FILE}: tries once, exits 0 if it got the lock, 3 if
 * it was held.
 */
public final class LockHolderMain {
  private LockHolderMain() {}

  public static void main(String[] args) throws Exception {
    FileStateLock lock =
        new FileStateLock(
            Path.of(args[1]),
            Clock.systemUTC(),
            ProcessHandle.current().pid(),
            "test",
            UUID::randomUUID);
    if (args[0].equals("try")) {
      try (LockHandle held = lock.acquire(new LockRequest("plan", "prober@test"), Duration.ZERO)) {
        System.exit(held.info().id().isEmpty() ? 1 : 0);
      } catch (StateLockedException e) {
        System.exit(3);
      }
    }
    LockHandle held = lock.acquire(new LockRequest("apply", "child@test"), Duration.ZERO);
    System.out.println("LOCKED " + held.info().id());
    System.out.flush();
    while (System.in.read() >= 0) {
      // hold the lock until stdin closes or the process is killed
    }
    held.close();
  }
}
