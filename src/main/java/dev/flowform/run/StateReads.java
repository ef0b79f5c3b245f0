package dev.flowform.run;

import dev.flowform.manifest.EnvironmentConfig;
import dev.flowform.state.State;
import java.util.Optional;

/**
 * {@code state list}, {@code state show} and {@code force-unlock}: the selected environment's state
 * backend, used without taking the lock.
 */
public final class StateReads {
  /** The state as read (empty when there is none yet), and where it lives. */
  public record Read(Optional<State> state, String shownAs, String environment) {}

  private StateReads() {}

  /** Reads the state without the lock, checked against the environment's sandbox, org, endpoint. */
  public static Read read(RunSettings settings) {
    EnvironmentConfig environment = Session.environment(settings);
    try (StateSession session =
        StateSession.readOnly(
            environment,
            StateBackends.of(environment, settings),
            StateSession.bindingOf(environment))) {
      return new Read(session.recorded(), session.shownAs(), environment.name());
    }
  }

  /**
   * Removes a lock left by a dead process; see {@link dev.flowform.state.StateLock#forceUnlock}.
   */
  public static void forceUnlock(RunSettings settings, String lockId) {
    EnvironmentConfig environment = Session.environment(settings);
    StateBackends.of(environment, settings).lock().forceUnlock(lockId);
  }
}
