package dev.flowform.cli;

import dev.flowform.run.StateReads;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code flowform force-unlock LOCK_ID}: remove a lock left by a dead process. */
@Command(
    name = "force-unlock",
    description = {
      "Remove the state lock with LOCK_ID, left behind by a process that died.",
      "Refused while a live process still holds it."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  flowform force-unlock --env dev 0c6f3a2e-8d1b-4f7a-9e5c-2b4d6f8a0c1e"})
final class ForceUnlockCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin EnvironmentOptions common;

  @Parameters(paramLabel = "LOCK_ID", description = "The id the lock error named.")
  String lockId;

  ForceUnlockCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    StateReads.forceUnlock(common.settings(context, Duration.ZERO), lockId);
    context.terminal().out().println("Lock " + lockId + " removed.");
    return ExitCode.OK;
  }
}
