package dev.flowform.run;

import dev.flowform.diag.FlowformException;
import dev.flowform.manifest.EnvironmentConfig;
import dev.flowform.state.State;
import dev.flowform.state.StateHistory;
import dev.flowform.state.StateVersion;
import java.util.List;
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
    return read(settings, Optional.empty());
  }

  /**
   * Reads the state, or the version of it kept at {@code serial}, without the lock.
   *
   * @throws FlowformException when a serial is asked of a backend that keeps no history
   */
  public static Read read(RunSettings settings, Optional<Long> serial) {
    EnvironmentConfig environment = Session.environment(settings);
    try (StateSession session = readOnly(environment, settings)) {
      Optional<State> state =
          serial.isEmpty() ? session.recorded() : history(session).readAt(serial.get());
      return new Read(state, session.shownAs(), environment.name());
    }
  }

  /** Every kept version of the state, oldest first. */
  public static List<StateVersion> history(RunSettings settings) {
    EnvironmentConfig environment = Session.environment(settings);
    try (StateSession session = readOnly(environment, settings)) {
      return history(session).versions();
    }
  }

  private static StateSession readOnly(EnvironmentConfig environment, RunSettings settings) {
    return StateSession.readOnly(
        environment,
        StateBackends.of(environment, settings, "state read"),
        StateSession.bindingOf(environment));
  }

  private static StateHistory history(StateSession session) {
    return session
        .history()
        .orElseThrow(
            () ->
                new FlowformException(
                    "state "
                        + session.shownAs()
                        + " keeps no history: a state file keeps only its previous version"
                        + " (.backup)",
                    "keep state in PostgreSQL (spec.state: postgresql://...) to keep every version;"
                        + " flowform state migrate moves it there"));
  }

  /**
   * Removes a lock left by a dead process; see {@link dev.flowform.state.StateLock#forceUnlock}.
   */
  public static void forceUnlock(RunSettings settings, String lockId) {
    EnvironmentConfig environment = Session.environment(settings);
    StateBackends.of(environment, settings, "force-unlock").lock().forceUnlock(lockId);
  }
}
