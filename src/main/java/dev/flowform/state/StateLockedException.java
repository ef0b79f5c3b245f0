package dev.flowform.state;

import dev.flowform.diag.FlowformException;
import java.util.Optional;

/** The state is locked by another run; carries who holds it, when its lock info says so. */
public final class StateLockedException extends FlowformException {
  private static final long serialVersionUID = 1L;
  private final transient LockInfo holder;

  public StateLockedException(String message, String hint, LockInfo holder) {
    super(message, hint);
    this.holder = holder;
  }

  /** The holder as its lock info describes it; empty when that is missing or unreadable. */
  public Optional<LockInfo> holder() {
    return Optional.ofNullable(holder);
  }
}
