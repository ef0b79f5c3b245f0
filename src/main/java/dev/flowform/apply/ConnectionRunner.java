package dev.flowform.apply;

import dev.flowform.flowservice.FlowServiceApi;
import dev.flowform.manifest.DesiredConnection;
import dev.flowform.manifest.DesiredState;
import dev.flowform.plan.Action;
import dev.flowform.plan.Change;
import dev.flowform.plan.Reason;
import java.util.List;

/**
 * Applies one change of a base connection: creates (through {@link Creator}, which never makes a
 * duplicate), imports and adopts (then aligns what was taken over with the manifest), updates,
 * deletes and replaces, each recorded the moment it is done.
 */
final class ConnectionRunner {
  private final DesiredState desired;
  private final FlowServiceApi api;
  private final StateRecorder recorder;
  private final ApplyOptions options;
  private final Creator creator;
  private final Updater updater;
  private final Deleter deleter;

  ConnectionRunner(
      DesiredState desired, StateRecorder recorder, FlowServiceApi api, ApplyOptions options) {
    this.desired = desired;
    this.api = api;
    this.recorder = recorder;
    this.options = options;
    this.creator =
        new Creator(
            api, recorder, options.clock(), options.maxCreateAttempts(), options.settling());
    this.updater = new Updater(api, recorder, options.clock());
    this.deleter = new Deleter(api, recorder);
  }

  /** Every action but a move, which the caller records. */
  Landing run(Attempt attempt) {
    Change change = attempt.change();
    return switch (change.action()) {
      case IMPORT -> {
        DesiredConnection wanted = wanted(change);
        yield Landing.now(alignAdopted(adopter().adopt(change, wanted, Outcome.IMPORTED), wanted));
      }
      case CREATE -> create(attempt);
      case UPDATE -> Landing.now(updater.update(change, wanted(change)));
      case DELETE -> Landing.now(deleter.delete(change));
      case REPLACE -> replace(attempt);
      default -> throw new IllegalArgumentException("not a mutation: " + change.action());
    };
  }

  private Landing create(Attempt attempt) {
    Change change = attempt.change();
    DesiredConnection wanted = wanted(change);
    if (change.reason() == Reason.EXISTS_REMOTELY && !change.remoteIds().isEmpty()) {
      return Landing.now(alignAdopted(adopter().adopt(change, wanted), wanted));
    }
    boolean lookupFirst =
        attempt.lookupFirst()
            || change.reason() == Reason.PENDING_RECOVERY
            || change.reason() == Reason.EXISTS_REMOTELY;
    Landing landing = creator.create(change, wanted, lookupFirst, Outcome.CREATED);
    // a create that POSTed waits for its record and needs no aligning; an adopted one may
    return landing.waits() ? landing : Landing.now(alignAdopted(landing.outcome(), wanted));
  }

  /**
   * An adopted connection is what the platform had, which may differ from the manifest (another
   * name, description or credentials: secrets cannot be read back, so an adopted record has no
   * fingerprints). One PATCH brings it in line, so apply converges in one run; nothing is sent when
   * it already matches (a recovered create of exactly what the manifest says).
   */
  private ChangeOutcome alignAdopted(ChangeOutcome outcome, DesiredConnection wanted) {
    if (outcome.outcome() != Outcome.ADOPTED && outcome.outcome() != Outcome.IMPORTED) {
      return outcome;
    }
    Change align =
        new Change(
            outcome.address(),
            Action.UPDATE,
            Reason.MANIFEST_CHANGED,
            outcome.id(),
            null,
            wanted.name(),
            List.of(),
            List.of());
    ChangeOutcome updated = updater.update(align, wanted);
    String aligned = updated.message() == null ? "; updated it to match the manifest" : "";
    String message = (outcome.message() == null ? "adopted " + outcome.id() : outcome.message());
    return new ChangeOutcome(
        outcome.change(), outcome.outcome(), outcome.id(), message + aligned, outcome.hint());
  }

  private Landing replace(Attempt attempt) {
    Change change = attempt.change();
    DesiredConnection wanted = wanted(change);
    if (!attempt.deleteDone()) {
      deleter.deleteRemote(change);
    }
    try {
      return creator.create(change, wanted, attempt.lookupFirst(), Outcome.REPLACED);
    } catch (Throttled t) {
      throw t.afterDelete();
    }
  }

  private Adopter adopter() {
    return new Adopter(api, recorder, options.clock());
  }

  private DesiredConnection wanted(Change change) {
    return Wanted.connection(desired, change);
  }
}
