package dev.flowform.state;

import java.time.Duration;

/** Guards one state against concurrent runs while plan or apply uses it. */
public interface StateLock {

  /**
   * Takes the lock, trying until {@code timeout} has passed ({@link Duration#ZERO}: once).
   *
   * @throws StateLockedException naming the holder when it is still held after the timeout
   */
  LockHandle acquire(LockRequest request, Duration timeout);

  /**
   * Removes a lock left behind, but only when {@code lockId} is the id of the current lock and no
   * live process holds it.
   *
   * @throws dev.flowform.diag.FlowformException when the id does not match, there is no lock, or
   *     its holder is still running
   */
  void forceUnlock(String lockId);
}
