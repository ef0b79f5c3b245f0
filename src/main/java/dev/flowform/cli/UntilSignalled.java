package dev.flowform.cli;

import dev.flowform.emulator.FlowServiceEmulator;
import java.util.concurrent.CountDownLatch;

/**
 * Serves until SIGINT or SIGTERM. The JVM's shutdown hook closes the emulator cleanly, then ends
 * the process with exit code 0: being stopped is how a server's run ends normally.
 */
final class UntilSignalled implements ServeUntil {
  private final Runtime runtime;

  UntilSignalled(Runtime runtime) {
    this.runtime = runtime;
  }

  @Override
  public void await(FlowServiceEmulator emulator, Runnable onStop) throws InterruptedException {
    CountDownLatch forever = new CountDownLatch(1);
    runtime.addShutdownHook(
        new Thread(
            () -> {
              onStop.run();
              runtime.halt(ExitCode.OK);
            },
            "flowform-emulator-stop"));
    forever.await();
  }
}
