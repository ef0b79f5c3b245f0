package dev.flowform.state;

import dev.flowform.diag.FlowformException;

/**
 * The store cannot be reached (the database is down, the connection dropped): a run that meets this
 * must start no new change. Whether the write in flight was kept is unknown.
 */
public final class StateUnavailableException extends FlowformException {
  private static final long serialVersionUID = 1L;

  public StateUnavailableException(String message, String hint) {
    super(message, hint);
  }
}
