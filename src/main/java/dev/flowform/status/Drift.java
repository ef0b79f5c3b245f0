package dev.flowform.status;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.flowform.plan.Change;
import dev.flowform.plan.Reason;
import java.util.Optional;

/** What a refresh found changed on the platform behind flowform's back. */
public enum Drift {
  /** The name or description is not what state recorded. */
  CHANGED_REMOTELY("changed remotely"),
  /** The recorded connection is gone (404). */
  DELETED_REMOTELY("deleted remotely");

  private final String label;

  Drift(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  @JsonValue
  public String code() {
    return label.replace(' ', '-');
  }

  /** The drift a refreshed plan's change reports, if any. */
  static Optional<Drift> of(Change change) {
    if (change.reason() == Reason.DELETED_REMOTELY) {
      return Optional.of(DELETED_REMOTELY);
    }
    if (change.reason() == Reason.CHANGED_REMOTELY) {
      return Optional.of(CHANGED_REMOTELY);
    }
    return Optional.empty();
  }
}
