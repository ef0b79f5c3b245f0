package dev.flowform.apply;

import dev.flowform.plan.Change;

/**
 * One run of a change by a worker. A change throttled past the client's retries runs again, and
 * remembers what it must not redo or skip.
 *
 * @param index the change's position in the plan
 * @param requeues how often it was put back after a 429
 * @param lookupFirst a create must look its name up before any POST (recovery, or an earlier POST's
 *     outcome is unknown)
 * @param deleteDone a replace already deleted the old connection
 */
record Attempt(int index, Change change, int requeues, boolean lookupFirst, boolean deleteDone) {

  static Attempt first(int index, Change change) {
    return new Attempt(index, change, 0, false, false);
  }

  Attempt requeued(boolean mustLookUp, boolean deleted) {
    return new Attempt(
        index, change, requeues + 1, lookupFirst || mustLookUp, deleteDone || deleted);
  }
}
