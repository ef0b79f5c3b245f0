package dev.flowform.state;

/** A held state lock; closing it releases the lock and removes its lock info. Idempotent. */
public interface LockHandle extends AutoCloseable {

  /** What was written to the lock info while this lock is held. */
  LockInfo info();

  @Override
  void close();
}
