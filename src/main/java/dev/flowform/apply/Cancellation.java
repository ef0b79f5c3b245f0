package dev.flowform.apply;

/**
 * Asks a running apply to stop: it then starts no new change, waits for those in flight (each
 * persists its own records) and reports the rest as not started. A CLI sets it from a shutdown hook
 * or a Ctrl-C handler.
 */
@FunctionalInterface
public interface Cancellation {

  /** Never cancelled. */
  Cancellation NEVER = () -> false;

  boolean isCancelled();
}
