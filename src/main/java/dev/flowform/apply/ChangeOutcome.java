package dev.flowform.apply;

import dev.flowform.plan.Change;

/**
 * What became of one change. Never holds a secret.
 *
 * @param id the connection id the change ended with (created, adopted, updated, deleted), or null
 * @param message what happened, for the user (always set for FAILED and NOT_STARTED), or null
 * @param hint what the user can do about a failure, or null
 */
public record ChangeOutcome(
    Change change, Outcome outcome, String id, String message, String hint) {

  static ChangeOutcome of(Change change, Outcome outcome, String id) {
    return new ChangeOutcome(change, outcome, id, null, null);
  }

  static ChangeOutcome failed(Change change, String message, String hint) {
    return new ChangeOutcome(change, Outcome.FAILED, change.id(), message, hint);
  }

  /** Not started because the platform was found unreachable: it would have failed the same way. */
  static ChangeOutcome notStartedAsUnreachable(Change change) {
    return new ChangeOutcome(
        change,
        Outcome.NOT_STARTED,
        change.id(),
        "not started: the platform cannot be reached",
        "run apply again once it can");
  }

  static ChangeOutcome notStarted(Change change, boolean throttledBefore) {
    return new ChangeOutcome(
        change,
        Outcome.NOT_STARTED,
        change.id(),
        throttledBefore
            ? "not finished: the apply was cancelled while it waited to retry after a 429;"
                + " state keeps whatever it recorded"
            : "not started: the apply was cancelled",
        "run apply again to finish the plan");
  }

  /** A change whose next request was waiting for a slot when the apply was cancelled. */
  static ChangeOutcome cancelledBeforeSend(Change change) {
    return new ChangeOutcome(
        change,
        Outcome.NOT_STARTED,
        change.id(),
        "not finished: the apply was cancelled before its next request was sent;"
            + " state keeps whatever it recorded",
        "run apply again to finish the plan");
  }

  /** A change not started because state could no longer be recorded. */
  static ChangeOutcome notStartedStateLost(Change change) {
    return new ChangeOutcome(
        change,
        Outcome.NOT_STARTED,
        change.id(),
        "not started: state could no longer be recorded",
        "run apply again once the state is reachable");
  }

  public String address() {
    return change.address();
  }
}
