package dev.flowform.status;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where one connection stands in one environment, as far as manifests and state tell. */
public enum CellStatus {
  /** Manifests and state agree. */
  IN_SYNC("in sync"),
  /** In the manifests for this environment, not in its state. */
  TO_CREATE("to create"),
  /** In both, but a name, description, client id, secret fingerprint or spec differs. */
  CHANGED("changed"),
  /** In state, gone from the manifests of this environment. */
  ORPHANED("orphaned"),
  /** State has it under an old address ({@code metadata.movedFrom}): apply moves the record. */
  MOVED("moved"),
  /** Declared in {@code spec.imports}, not yet in state: apply adopts the connection. */
  TO_IMPORT("to import"),
  /** A create was interrupted: the next apply looks the name up first. */
  PENDING("pending"),
  /** It differs only in values whose references could not be resolved here. */
  NOT_COMPARED("not compared"),
  /** Neither in this environment's manifests nor in its state. */
  NOT_TARGETED("not targeted"),
  /** The environment's state could not be read here (its database unreachable, say). */
  UNREADABLE("unreadable");

  private final String label;

  CellStatus(String label) {
    this.label = label;
  }

  /** The words shown in tables: {@code in sync}. */
  public String label() {
    return label;
  }

  /** The JSON form: {@code in-sync}. */
  @JsonValue
  public String code() {
    return label.replace(' ', '-');
  }
}
