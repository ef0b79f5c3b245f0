package dev.flowform.apply;

/**
 * A change was rate limited (429 past the client's retries) part-way: run it again later, knowing
 * whether a create must look its name up first and whether a replace already deleted.
 */
final class Throttled extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final boolean lookupFirst;
  private final boolean deleteDone;

  Throttled(boolean lookupFirst, boolean deleteDone, RuntimeException cause) {
    super("rate limited", cause);
    this.lookupFirst = lookupFirst;
    this.deleteDone = deleteDone;
  }

  boolean lookupFirst() {
    return lookupFirst;
  }

  boolean deleteDone() {
    return deleteDone;
  }

  Throttled afterDelete() {
    return new Throttled(lookupFirst, true, (RuntimeException) getCause());
  }
}
