package dev.flowform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.state.FileStateLock;
import dev.flowform.state.LockHandle;
import dev.flowform.state.LockRequest;
import dev.flowform.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plan --lock=false}: a plan that reads the state while another run holds its lock. */
class PlanWithoutLockTest {
  private static final String ENVIRONMENT =
      """
      apiVersion: flowform/v1
      kind: Environment
      metadata:
        name: dev
      spec:
        sandbox: dev
        orgId: ORG@AdobeOrg
        endpoint: embedded
      """;

  @TempDir Path project;

  private Path stateFile() throws IOException {
    Files.createDirectories(project.resolve("manifests"));
    Files.writeString(project.resolve("manifests/dev.yaml"), ENVIRONMENT);
    Path state = project.resolve(".flowform/dev.state.json");
    Files.createDirectories(state.getParent());
    return state;
  }

  @Test
  void plansWhileAnotherRunHoldsTheLockOnlyWhenToldNotToLock() throws IOException {
    Path state = stateFile();
    FileStateLock lock = new FileStateLock(state, Fixtures.CLOCK, 4242, "test", UUID::randomUUID);
    try (LockHandle held = lock.acquire(new LockRequest("apply", "ci@runner"), Duration.ZERO)) {
      CliRun locked = CliRun.run(project, Map.of(), "plan", "--refresh=false");
      CliRun unlocked = CliRun.run(project, Map.of(), "plan", "--refresh=false", "--lock=false");

      assertEquals(1, locked.exitCode(), locked.err());
      assertTrue(locked.err().contains(held.info().id()), locked.err());
      assertTrue(locked.err().contains("ci@runner"), locked.err());
      assertEquals(0, unlocked.exitCode(), unlocked.err());
      assertTrue(Files.exists(lock.infoFile()), "the holder's lock stays untouched");
    }
  }
}
