package dev.flowform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.cli.CliRun;
import dev.flowform.emulator.EmulatorConfig;
import dev.flowform.emulator.FlowServiceEmulator;
import dev.flowform.state.FileStateLock;
import dev.flowform.state.LockHandle;
import dev.flowform.state.LockRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run waiting for the state lock says so at once, naming the holder; status takes --env. */
class LockWaitIT {
  @TempDir Path dir;
  private FlowServiceEmulator emulator;
  private Workspace ws;

  @BeforeEach
  void start() {
    emulator = FlowServiceEmulator.start(EmulatorConfig.defaults());
    ws = new Workspace(dir, emulator);
    ws.connection("marketing-hubspot", "HubSpot marketing");
    assertEquals(0, ws.run("apply", "--env", "test", "--auto-approve").exitCode());
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void aRunWaitingForTheLockSaysWhoHoldsItBeforeItGivesUp() {
    FileStateLock other =
        new FileStateLock(ws.stateFile(), Clock.systemUTC(), 4242, "0.0.0", UUID::randomUUID);
    try (LockHandle held =
        other.acquire(new LockRequest("apply", "someone@elsewhere"), Duration.ZERO)) {
      CliRun plan = ws.run("plan", "--env", "test", "--refresh=false", "--lock-timeout", "1s");

      assertEquals(1, plan.exitCode(), plan.out() + plan.err());
      int waiting = plan.err().indexOf("Waiting up to 1s for the state lock");
      assertTrue(waiting >= 0, plan.err());
      assertTrue(plan.err().indexOf("someone@elsewhere") > waiting, plan.err());
      assertTrue(plan.err().indexOf("error:") > waiting, plan.err());
      assertTrue(held.info().who().equals("someone@elsewhere"));
    }
  }

  @Test
  void statusTakesEnvLikeTheOtherCommands() {
    ws.writeEnvironment("other", "other");

    CliRun status = ws.run("status", "--env", "test");

    assertEquals(0, status.exitCode(), status.out() + status.err());
    assertTrue(status.out().startsWith("CONNECTION"), status.out());
    assertTrue(status.out().lines().findFirst().orElseThrow().endsWith("TEST"), status.out());
  }
}
