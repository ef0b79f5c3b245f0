package dev.flowform.status;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One environment of the matrix.
 *
 * @param hasState whether its state file exists (without one, everything targeted is to create)
 * @param refresh with {@code status --refresh}: {@code refreshed}, {@code offline} or {@code
 *     failed} (see {@link Refreshed}); null without it
 * @param refreshProblem why it stayed offline or failed, or null
 * @param stateProblem why its state could not be read (then every cell is unreadable), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnvironmentColumn(
    String name,
    String sandbox,
    boolean hasState,
    String refresh,
    String refreshProblem,
    String stateProblem) {

  public EnvironmentColumn(String name, String sandbox, boolean hasState) {
    this(name, sandbox, hasState, null, null, null);
  }

  public EnvironmentColumn(
      String name, String sandbox, boolean hasState, String refresh, String refreshProblem) {
    this(name, sandbox, hasState, refresh, refreshProblem, null);
  }

  /** True when its state could not be read. */
  public boolean unreadable() {
    return stateProblem != null;
  }

  /** True when the platform was asked for but not read. */
  public boolean notRefreshed() {
    return refresh != null && !refresh.equals(Refreshed.REFRESHED);
  }
}
