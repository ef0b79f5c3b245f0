package dev.flowform.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.cli.CliRun;
import dev.flowform.emulator.EmulatorConfig;
import dev.flowform.emulator.FaultKind;
import dev.flowform.emulator.Faults;
import dev.flowform.emulator.FlowServiceEmulator;
import dev.flowform.emulator.Operation;
import dev.flowform.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever happens during apply: no duplicate connection, no lost id, state left intact. */
class SafetyIT {
  @TempDir Path dir;
  private FlowServiceEmulator emulator;

  @AfterEach
  void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }

  private Workspace workspace(EmulatorConfig config, int connections) {
    emulator = FlowServiceEmulator.start(config);
    return Numbered.connections(new Workspace(dir, emulator), connections);
  }

  private void assertConvergedWithoutDuplicates(Workspace ws, int connections) throws Exception {
    Numbered.assertConvergedWithoutDuplicates(emulator, ws, connections);
  }

  @ParameterizedTest(name = "emulator seed {0}")
  @ValueSource(longs = {7, 11, 23, 42})
  void createsThatLandButAnswer504AmongOtherFaultsConvergeInOneApplyWithNoDuplicate(long seed)
      throws Exception {
    Faults faults =
        Faults.none()
            .with(FaultKind.TIMEOUT_AFTER_LANDING, 0.25)
            .with(FaultKind.UNAVAILABLE, 0.10)
            .with(FaultKind.THROTTLED, 0.10)
            .withRetryAfter(Duration.ZERO)
            .onlyFor(Operation.CREATE);
    Workspace ws = workspace(EmulatorConfig.builder().faults(faults).seed(seed).build(), 100);

    CliRun run = ws.run("apply", "--env", "test", "--auto-approve", "--refresh=false");

    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertConvergedWithoutDuplicates(ws, 100);
  }

  @Test
  void twoConcurrentAppliesOnOneStateLeaveExactlyOneOfEachConnection() throws Exception {
    Workspace ws = workspace(EmulatorConfig.builder().latency(Duration.ofMillis(20)).build(), 20);

    CompletableFuture<CliRun> first =
        CompletableFuture.supplyAsync(() -> ws.run("apply", "--env", "test", "--auto-approve"));
    CompletableFuture<CliRun> second =
        CompletableFuture.supplyAsync(() -> ws.run("apply", "--env", "test", "--auto-approve"));
    List<CliRun> runs = List.of(first.get(), second.get());

    for (CliRun run : runs) {
      assertTrue(run.exitCode() == 0 || run.err().contains("locked"), run.out() + run.err());
    }
    CliRun last = ws.run("apply", "--env", "test", "--auto-approve");
    assertEquals(0, last.exitCode(), last.err());
    assertConvergedWithoutDuplicates(ws, 20);
  }

  @Test
  void aSecondApplyOnALockedStateFailsAtOnceNamingTheHolder() throws Exception {
    Workspace ws = workspace(EmulatorConfig.defaults(), 1);
    Files.createDirectories(ws.stateFile().getParent());
    dev.flowform.state.FileStateLock lock =
        new dev.flowform.state.FileStateLock(
            ws.stateFile(), Fixtures.CLOCK, 4242, "test", java.util.UUID::randomUUID);
    try (var held =
        lock.acquire(new dev.flowform.state.LockRequest("apply", "alice@ci-7"), Duration.ZERO)) {
      CliRun run = ws.run("apply", "--env", "test", "--auto-approve");
      assertEquals(1, run.exitCode());
      assertTrue(run.err().contains("alice@ci-7"), run.err());
      assertTrue(run.err().contains(held.info().id()), run.err());
      assertEquals(0, emulator.requestCount("POST", "/connections"));
    }
  }

  @Test
  void aCorruptStateFileIsRefusedAndLeftByteForByte() throws Exception {
    Workspace ws = workspace(EmulatorConfig.defaults(), 2);
    Files.createDirectories(ws.stateFile().getParent());
    byte[] corrupt = "{\"formatVersion\": 1, \"lineage\": \"x\", \"resou".getBytes();
    Files.write(ws.stateFile(), corrupt);

    CliRun run = ws.run("apply", "--env", "test", "--auto-approve");

    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("test.state.json"), run.err());
    assertArrayEquals(corrupt, Files.readAllBytes(ws.stateFile()));
    assertEquals(0, emulator.requestCount("POST", "/connections"));
  }

  @Test
  void aStateOfAnotherSandboxIsRefusedAndLeftByteForByte() throws Exception {
    Workspace ws = workspace(EmulatorConfig.defaults(), 2);
    assertEquals(0, ws.run("apply", "--env", "test", "--auto-approve").exitCode());
    byte[] before = Files.readAllBytes(ws.stateFile());
    ws.writeEnvironment("test", "prod");

    CliRun run = ws.run("apply", "--env", "test", "--auto-approve");

    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("sandbox"), run.err());
    assertArrayEquals(before, Files.readAllBytes(ws.stateFile()));
  }

  @Test
  void anAccessTokenThatExpiresMidRunIsRenewedOnceAndTheApplyFinishes() throws Exception {
    Workspace ws = workspace(EmulatorConfig.builder().latency(Duration.ofMillis(40)).build(), 40);
    CompletableFuture<CliRun> apply =
        CompletableFuture.supplyAsync(
            () ->
                ws.run(
                    "apply",
                    "--env",
                    "test",
                    "--auto-approve",
                    "--refresh=false",
                    "--parallelism",
                    "2"));
    while (emulator.connections(Workspace.SANDBOX).size() < 4 && !apply.isDone()) {
      Thread.sleep(5);
    }
    emulator.expireTokens();

    CliRun run = apply.get();

    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertConvergedWithoutDuplicates(ws, 40);
    long tokenRequests =
        emulator.requestCounts().entrySet().stream()
            .filter(e -> e.getKey().startsWith("POST /ims"))
            .mapToLong(java.util.Map.Entry::getValue)
            .sum();
    assertEquals(2, tokenRequests, emulator.requestCounts().toString());
  }
}
