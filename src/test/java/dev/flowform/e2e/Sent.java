package dev.flowform.e2e;

import dev.flowform.emulator.FlowServiceEmulator;

/** How many changing requests (POST, PATCH, DELETE) the emulator has received so far. */
final class Sent {
  private Sent() {}

  static long changes(FlowServiceEmulator emulator) {
    return emulator.requestCounts().entrySet().stream()
        .filter(
            e ->
                e.getKey().startsWith("POST /data/foundation/flowservice/connections")
                    || e.getKey().startsWith("PATCH ")
                    || e.getKey().startsWith("DELETE "))
        .mapToLong(java.util.Map.Entry::getValue)
        .sum();
  }
}
