package dev.flowform.state;

import dev.flowform.diag.FlowformException;

/**
 * Another run changed the state since this one read it, so this write was refused and nothing of
 * the other run's was overwritten: a run that meets this must start no new change.
 */
public final class StateConflictException extends FlowformException {
  private static final long serialVersionUID = 1L;

  public StateConflictException(String message, String hint) {
    super(message, hint);
  }
}
