package dev.flowform.cli;

import dev.flowform.apply.Cancellation;
import dev.flowform.apply.CancellationFlag;

/**
 * Turns SIGINT and SIGTERM into a cancellation for the length of an apply: no new change starts,
 * those in flight finish and are recorded, and the command exits 130. A second signal stops the
 * process at once; what was in flight stays {@code pending} in state and the next run finds it by
 * name.
 */
public interface Interrupts {

  /** A cancellation that the next SIGINT or SIGTERM sets. */
  Cancellation watch();

  /** The real process's signals. */
  static Interrupts process() {
    return () -> {
      CancellationFlag flag = new CancellationFlag();
      for (String name : new String[] {"INT", "TERM"}) {
        SignalTrap.trap(
            name,
            () -> {
              if (flag.isCancelled()) {
                Runtime.getRuntime().halt(ExitCode.INTERRUPTED);
              }
              System.err.println(
                  "\nInterrupted: no new change starts; waiting for those in flight."
                      + " Interrupt again to stop at once.");
              flag.cancel();
            });
      }
      return flag;
    };
  }
}
