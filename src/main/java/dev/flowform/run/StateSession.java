package dev.flowform.run;

import dev.flowform.diag.FlowformException;
import dev.flowform.manifest.EnvironmentConfig;
import dev.flowform.plan.Fingerprints;
import dev.flowform.state.FileStateLock;
import dev.flowform.state.FileStateStore;
import dev.flowform.state.LockHandle;
import dev.flowform.state.LockRequest;
import dev.flowform.state.State;
import dev.flowform.state.StateBinding;
import dev.flowform.state.StateStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * One environment's state, held under its lock for the length of a run: read once, checked against
 * the environment's sandbox, org and endpoint, and written through the store as changes land.
 */
public final class StateSession implements AutoCloseable {
  private final EnvironmentConfig environment;
  private final FileStateStore store;
  private final LockHandle lock;
  private final Optional<State> recorded;

  private StateSession(
      EnvironmentConfig environment,
      FileStateStore store,
      LockHandle lock,
      Optional<State> recorded) {
    this.environment = environment;
    this.store = store;
    this.lock = lock;
    this.recorded = recorded;
  }

  /**
   * Takes the lock (waiting up to {@code lockTimeout}), then reads and checks the state.
   *
   * @param shownAs the state file as the user should see it
   */
  public static StateSession open(
      EnvironmentConfig environment,
      String shownAs,
      LockRequest request,
      Duration lockTimeout,
      String version,
      Clock clock) {
    FileStateLock locks =
        new FileStateLock(
            environment.statePath(),
            clock,
            ProcessHandle.current().pid(),
            version,
            UUID::randomUUID);
    LockHandle lock = locks.acquire(request, lockTimeout);
    try {
      FileStateStore store = new FileStateStore(environment.statePath());
      Optional<State> recorded = store.read();
      recorded.ifPresent(state -> StateBinding.of(environment).check(state, shownAs));
      return new StateSession(environment, store, lock, recorded);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** The state as read, if a state file exists. */
  public Optional<State> recorded() {
    return recorded;
  }

  /** The state as read; an error when there is none yet (for commands that edit entries). */
  public State recordedOrFail() {
    return recorded.orElseThrow(
        () ->
            new FlowformException(
                "there is no state yet for environment '" + environment.name() + "'",
                "apply or import creates it"));
  }

  /** The state as read, or a new empty one bound to this environment (fresh lineage and salt). */
  public State recordedOrEmpty() {
    return recorded.orElseGet(
        () ->
            State.empty(
                environment.name(),
                environment.sandbox(),
                environment.orgId(),
                environment.endpoint().identity(),
                Fingerprints.newSalt(new SecureRandom())));
  }

  public StateStore store() {
    return store;
  }

  @Override
  public void close() {
    try {
      store.close();
    } finally {
      lock.close();
    }
  }
}
