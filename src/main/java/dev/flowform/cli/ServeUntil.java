package dev.flowform.cli;

import dev.flowform.emulator.FlowServiceEmulator;

/** How {@code flowform emulator} waits while the emulator serves; returning stops it. */
@FunctionalInterface
interface ServeUntil {

  /**
   * Blocks for as long as the emulator should serve.
   *
   * @param onStop what to run once, when stopping (closes the emulator, says so)
   */
  void await(FlowServiceEmulator emulator, Runnable onStop) throws InterruptedException;
}
