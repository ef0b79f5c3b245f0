package dev.flowform.apply;

/** How one change of a plan ended. */
public enum Outcome {
  /** POSTed; the new id and etag are recorded. */
  CREATED,
  /** An existing connection of the name was recorded instead of POSTing (recovery or adopt). */
  ADOPTED,
  /** Imported as {@code spec.imports} declares (read, recorded, PATCHed when it differed). */
  IMPORTED,
  /** The state record moved to its new address ({@code metadata.movedFrom}); nothing was sent. */
  MOVED,
  /** PATCHed; the new etag is recorded. */
  UPDATED,
  /** DELETEd and removed from state. */
  DELETED,
  /** DELETEd, then created again (the connection spec changed). */
  REPLACED,
  /** Did not complete; the message says why and what state kept. */
  FAILED,
  /** Never started: the apply was cancelled first. */
  NOT_STARTED;

  /** True for the outcomes that did what the plan asked. */
  public boolean success() {
    return this != FAILED && this != NOT_STARTED;
  }
}
