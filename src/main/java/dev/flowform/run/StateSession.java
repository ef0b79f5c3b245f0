package dev.flowform.run;

import dev.flowform.diag.FlowformException;
import dev.flowform.diag.Printable;
import dev.flowform.manifest.EnvironmentConfig;
import dev.flowform.plan.Fingerprints;
import dev.flowform.state.LockHandle;
import dev.flowform.state.LockRequest;
import dev.flowform.state.State;
import dev.flowform.state.StateBackend;
import dev.flowform.state.StateBinding;
import dev.flowform.state.StateHistory;
import dev.flowform.state.StateLockedException;
import dev.flowform.state.StateStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;

/**
 * One environment's state for the length of a run: read once and checked against the environment's
 * sandbox, org and endpoint. A locked session holds the state's lock and writes through its store
 * as changes land; a read-only session (state list/show, status) takes no lock and writes nothing.
 */
public final class StateSession implements AutoCloseable {
  private final EnvironmentConfig environment;
  private final StateBackend backend;
  private final StateStore store;
  private final Optional<LockHandle> lock;
  private final Optional<State> recorded;

  private StateSession(
      EnvironmentConfig environment,
      StateBackend backend,
      StateStore store,
      Optional<LockHandle> lock,
      Optional<State> recorded) {
    this.environment = environment;
    this.backend = backend;
    this.store = store;
    this.lock = lock;
    this.recorded = recorded;
  }

  /** Takes the lock (waiting up to {@code lockTimeout}), then reads and checks the state. */
  public static StateSession locked(
      EnvironmentConfig environment,
      StateBackend backend,
      LockRequest request,
      Duration lockTimeout) {
    return locked(environment, backend, request, lockTimeout, message -> {});
  }

  /**
   * Like {@link #locked(EnvironmentConfig, StateBackend, LockRequest, Duration)}; when the lock is
   * held and there is time to wait, {@code waiting} is told at once who holds it, as Terraform's
   * "Acquiring state lock" is, instead of a silence of up to {@code lockTimeout}.
   */
  public static StateSession locked(
      EnvironmentConfig environment,
      StateBackend backend,
      LockRequest request,
      Duration lockTimeout,
      java.util.function.Consumer<String> waiting) {
    LockHandle lock;
    try {
      if (lockTimeout.isZero() || lockTimeout.isNegative()) {
        lock = backend.lock().acquire(request, lockTimeout);
      } else {
        LockHandle first;
        try {
          first = backend.lock().acquire(request, Duration.ZERO);
        } catch (StateLockedException held) {
          waiting.accept(
              "Waiting up to "
                  + lockTimeout.toString().substring(2).toLowerCase(java.util.Locale.ROOT)
                  + " for the state lock: "
                  + held.getMessage());
          first = backend.lock().acquire(request, lockTimeout);
        }
        lock = first;
      }
    } catch (StateLockedException e) {
      throw new StateLockedException(
          e.getMessage(), lockedHint(environment.name(), e), e.holder().orElse(null));
    }
    try {
      return read(environment, backend, bindingOf(environment), Optional.of(lock));
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /**
   * Reads and checks the state without taking the lock: for commands that only look. A crashed
   * run's journal is replayed in memory and left as it is.
   *
   * @param binding what the state must belong to; null parts are not compared
   */
  public static StateSession readOnly(
      EnvironmentConfig environment, StateBackend backend, StateBinding binding) {
    return read(environment, backend, binding, Optional.empty());
  }

  private static StateSession read(
      EnvironmentConfig environment,
      StateBackend backend,
      StateBinding binding,
      Optional<LockHandle> lock) {
    StateStore store =
        lock.isPresent() ? backend.openStore(lock.get()) : backend.openReadOnlyStore();
    try {
      Optional<State> recorded = store.read();
      recorded.ifPresent(state -> binding.check(state, backend.shownAs()));
      if (lock.isPresent()) {
        store.checkSandbox(binding);
      }
      return new StateSession(environment, backend, store, lock, recorded);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** What to do about a lock another run holds: the commands, for this environment. */
  private static String lockedHint(String environment, StateLockedException e) {
    String id = e.holder().map(h -> Printable.of(h.id())).orElse("LOCK_ID");
    return "another flowform run is using this state: wait for it, or retry with a longer"
        + " --lock-timeout (e.g. --lock-timeout=5m). If that run is gone for good, run: flowform"
        + " force-unlock --env "
        + environment
        + " "
        + id;
  }

  /** The sandbox, org and endpoint an environment's state must belong to. */
  public static StateBinding bindingOf(EnvironmentConfig environment) {
    return new StateBinding(
        environment.name(),
        environment.sandbox(),
        environment.orgId(),
        environment.endpoint().identity());
  }

  /** The state as read, if there is one. */
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

  /** The state's kept versions, when its backend keeps them (PostgreSQL). */
  public Optional<StateHistory> history() {
    return store instanceof StateHistory history ? Optional.of(history) : Optional.empty();
  }

  /** Where the state lives, as the user should see it. */
  public String shownAs() {
    return backend.shownAs();
  }

  /**
   * The store to write through.
   *
   * @throws IllegalStateException in a read-only session
   */
  public StateStore store() {
    if (lock.isEmpty()) {
      throw new IllegalStateException("a read-only state session cannot write");
    }
    return store;
  }

  @Override
  public void close() {
    try {
      store.close();
    } finally {
      lock.ifPresent(LockHandle::close);
    }
  }
}
