package dev.flowform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flowform.cli.CliRun;
import dev.flowform.emulator.EmulatorConfig;
import dev.flowform.emulator.FlowServiceEmulator;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * An emulator on a free port and a workspace over it, for one test: runs the command line, asserts
 * it succeeded, asserts the environment {@code test} plans clean. Closing it stops the emulator.
 */
final class EmulatedWorkspace implements AutoCloseable {
  private final FlowServiceEmulator emulator;
  private final Workspace workspace;

  private EmulatedWorkspace(FlowServiceEmulator emulator, Workspace workspace) {
    this.emulator = emulator;
    this.workspace = workspace;
  }

  /**
   * @param setup writes the manifests the test starts from
   */
  static EmulatedWorkspace start(Path dir, UnaryOperator<Workspace> setup) {
    FlowServiceEmulator emulator = FlowServiceEmulator.start(EmulatorConfig.defaults());
    return new EmulatedWorkspace(emulator, setup.apply(new Workspace(dir, emulator)));
  }

  /**
   * The two connections most tests start from, {@code marketing-hubspot} and {@code sales-hubspot},
   * in the manifests only.
   */
  static EmulatedWorkspace twoDeclared(Path dir) {
    return start(
        dir,
        w ->
            w.connection("marketing-hubspot", "HubSpot marketing")
                .connection("sales-hubspot", "HubSpot sales"));
  }

  /** {@link #twoDeclared}, applied to the environment {@code test}. */
  static EmulatedWorkspace twoApplied(Path dir) {
    EmulatedWorkspace fixture = twoDeclared(dir);
    fixture.ok("apply", "--env", "test", "--auto-approve");
    return fixture;
  }

  FlowServiceEmulator emulator() {
    return emulator;
  }

  Workspace workspace() {
    return workspace;
  }

  /** Runs the command line and asserts it exits 0. */
  CliRun ok(String... args) {
    CliRun run = workspace.run(args);
    assertEquals(0, run.exitCode(), String.join(" ", args) + "\n" + run.out() + run.err());
    return run;
  }

  /** Asserts a plan of the environment {@code test} finds nothing to do. */
  void assertClean() {
    CliRun plan = workspace.run("plan", "--env", "test", "--detailed-exitcode", "--no-color");
    assertEquals(0, plan.exitCode(), plan.out() + plan.err());
  }

  @Override
  public void close() {
    emulator.close();
  }
}
