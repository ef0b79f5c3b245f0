package dev.flowform.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Decides, call by call, whether a connection call fails and how: first the faults a test scripted
 * for that operation, in order; else a draw from the seeded random at the configured rates.
 */
final class FaultInjector {
  private final Faults faults;
  private final Random random;
  private final Map<Operation, Deque<FaultKind>> scripted = new EnumMap<>(Operation.class);

  FaultInjector(Faults faults, Random random) {
    this.faults = faults;
    this.random = random;
  }

  /** The next {@code times} calls of {@code operation} fail with {@code kind}. */
  synchronized void script(Operation operation, FaultKind kind, int times) {
    if (times < 0) {
      throw new IllegalArgumentException("times must not be negative");
    }
    Deque<FaultKind> queue = scripted.computeIfAbsent(operation, o -> new ArrayDeque<>());
    for (int i = 0; i < times; i++) {
      queue.addLast(kind);
    }
  }

  /** The fault for this call of {@code operation}, if any. */
  synchronized Optional<FaultKind> next(Operation operation) {
    Deque<FaultKind> queue = scripted.get(operation);
    if (queue != null && !queue.isEmpty()) {
      return Optional.of(queue.removeFirst());
    }
    if (faults.errorRate() == 0 || !faults.operations().contains(operation)) {
      return Optional.empty();
    }
    double draw = random.nextDouble();
    double bound = 0;
    for (FaultKind kind : FaultKind.values()) {
      bound += faults.rate(kind);
      if (draw < bound) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** Throws the answer of a fault that strikes before the change lands. */
  void beforeLanding(Optional<FaultKind> fault, HttpCall call) {
    if (fault.isEmpty() || fault.get().afterLanding()) {
      return;
    }
    switch (fault.get()) {
      case UNAVAILABLE -> throw Errors.unavailable();
      case THROTTLED -> throw Errors.tooManyRequests(faults.retryAfter().toSeconds());
      case ECHO_REQUEST -> throw Errors.echoed(call.echo(faults.echoed()));
      default -> throw new IllegalStateException("not a fault before landing: " + fault.get());
    }
  }

  /**
   * Answers the call as a fault that strikes after the change landed would.
   *
   * @return whether it did (the caller must then send nothing)
   */
  boolean afterLanding(Optional<FaultKind> fault, HttpCall call) {
    if (fault.isEmpty() || !fault.get().afterLanding()) {
      return false;
    }
    switch (fault.get()) {
      case TIMEOUT_AFTER_LANDING -> call.sendError(Errors.gatewayTimeout());
      case RESET_AFTER_LANDING -> call.drop();
      default -> throw new IllegalStateException("not a fault after landing: " + fault.get());
    }
    return true;
  }
}
