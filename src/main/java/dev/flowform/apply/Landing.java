package dev.flowform.apply;

/**
 * How a change ended, as its worker saw it, and the record it still waits for: a create's "created"
 * record is queued for the next group commit and made durable while the worker already runs its
 * next change. The outcome counts only once {@link #settled} returned: whoever reports the change
 * waits for that record first, and a record that cannot be made durable turns the outcome into the
 * failure {@code settle} throws.
 */
record Landing(ChangeOutcome outcome, Runnable settle) {
  private static final Runnable NOTHING = () -> {};

  /** An outcome whose records are all durable already. */
  static Landing now(ChangeOutcome outcome) {
    return new Landing(outcome, NOTHING);
  }

  boolean waits() {
    return settle != NOTHING;
  }

  /** Waits for the record (see {@link StateRecorder.Durable}), then the outcome counts. */
  ChangeOutcome settled() {
    settle.run();
    return outcome;
  }
}
