package dev.flowform.state;

/**
 * Where one environment's state lives: a store and the lock that guards it, opened together. The
 * file backend and the PostgreSQL backend both stand behind this, so every command works the same
 * on either.
 */
public interface StateBackend {

  /** A store for the state; nothing is read until {@link StateStore#read()}. */
  StateStore openStore();

  /**
   * A store for the state, written under {@code lock} (just taken from {@link #lock()}): a backend
   * that fences its writes (PostgreSQL) refuses every write once that lock is lost. This default is
   * {@link #openStore()}.
   */
  default StateStore openStore(LockHandle lock) {
    return openStore();
  }

  /**
   * A store for commands that only read (status, state list/show, plan --lock=false): it never
   * writes, not even to create a schema.
   */
  default StateStore openReadOnlyStore() {
    return openStore();
  }

  /** The lock that guards the store against concurrent runs. */
  StateLock lock();

  /** The state's location as the user should see it (never a password). */
  String shownAs();
}
