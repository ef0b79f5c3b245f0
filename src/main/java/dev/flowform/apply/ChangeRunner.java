package dev.flowform.apply;

import dev.flowform.diag.FlowformException;
import dev.flowform.flowservice.FlowServiceApi;
import dev.flowform.flowservice.UnreachableException;
import dev.flowform.manifest.DesiredConnection;
import dev.flowform.manifest.DesiredResource;
import dev.flowform.manifest.DesiredState;
import dev.flowform.plan.Action;
import dev.flowform.plan.Change;
import dev.flowform.plan.Reason;
import dev.flowform.registry.Kinds;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Runs one attempt of one change and says how it ended: never throws, turns every error into a
 * failed outcome (with message and hint), and a 429 into a requeue while requeues remain.
 */
final class ChangeRunner {
  private final DesiredState desired;
  private final Creator creator;
  private final Updater updater;
  private final Deleter deleter;
  private final FlowServiceApi api;
  private final StateRecorder recorder;
  private final ApplyOptions options;
  private final AtomicBoolean unreachable = new AtomicBoolean();
  private final Kinds kinds;
  private volatile ResourceRunner resources;

  ChangeRunner(
      DesiredState desired, StateRecorder recorder, FlowServiceApi api, ApplyOptions options) {
    this(desired, recorder, api, options, Kinds.all());
  }

  ChangeRunner(
      DesiredState desired,
      StateRecorder recorder,
      FlowServiceApi api,
      ApplyOptions options,
      Kinds kinds) {
    this.kinds = kinds;
    this.desired = desired;
    this.recorder = recorder;
    this.api = api;
    this.options = options;
    this.creator =
        new Creator(
            api, recorder, options.clock(), options.maxCreateAttempts(), options.settling());
    this.updater = new Updater(api, recorder, options.clock());
    this.deleter = new Deleter(api, recorder);
  }

  /**
   * True once a change failed because the platform (or IMS) cannot be reached: every other change
   * would fail the same way, so none should be started.
   */
  boolean platformUnreachable() {
    return unreachable.get();
  }

  /** True once state can no longer be recorded: the dispatcher then starts no new change. */
  boolean stateLost() {
    return recorder.lost();
  }

  Step run(Attempt attempt) {
    return guarded(attempt, () -> dispatch(attempt));
  }

  /** The delete of a pipeline resource's split replacement (its create runs later, apart). */
  Step runDeleteHalf(Attempt attempt) {
    return guarded(
        attempt,
        () -> {
          resources().deleteRemote(attempt.change());
          return Landing.now(
              ChangeOutcome.of(attempt.change(), Outcome.DELETED, attempt.change().id()));
        });
  }

  /**
   * A change that ended with a record still on its way to disk: its outcome once that record is
   * durable, or the failure that kept it from being so.
   */
  Step settle(Step.Recording recording) {
    return guarded(recording.attempt(), () -> Landing.now(recording.landing().settled()));
  }

  private ResourceRunner resources() {
    ResourceRunner runner = resources;
    if (runner == null) {
      synchronized (this) {
        if (resources == null) {
          resources =
              new ResourceRunner(
                  kinds,
                  api.resources(),
                  recorder,
                  options.clock(),
                  options.maxCreateAttempts(),
                  options.settling(),
                  api.createTimeout());
        }
        runner = resources;
      }
    }
    return runner;
  }

  private Step guarded(Attempt attempt, Supplier<Landing> work) {
    Change change = attempt.change();
    try {
      Landing landing = work.get();
      return landing.waits()
          ? new Step.Recording(attempt, landing)
          : new Step.Done(attempt, landing.outcome());
    } catch (Throttled t) {
      return requeue(attempt, t.lookupFirst(), t.deleteDone());
    } catch (NotSent e) {
      return new Step.Done(attempt, ChangeOutcome.cancelledBeforeSend(change));
    } catch (UnreachableException e) {
      unreachable.set(true);
      return new Step.Done(attempt, failed(change, e));
    } catch (RuntimeException e) {
      if (LimitedFlowService.isThrottled(e)) {
        return requeue(attempt, false, false);
      }
      return new Step.Done(attempt, failed(change, e));
    }
  }

  private Landing dispatch(Attempt attempt) {
    Change change = attempt.change();
    if (change.moves()) {
      recorder.move(change.movedFrom(), change.address());
    }
    if (change.isPipeline()) {
      return dispatchResource(attempt);
    }
    return switch (change.action()) {
      case MOVE -> Landing.now(moved(change));
      case IMPORT -> {
        DesiredConnection wanted = wanted(change);
        yield Landing.now(
            alignAdopted(
                new Adopter(api, recorder, options.clock()).adopt(change, wanted, Outcome.IMPORTED),
                wanted));
      }
      case CREATE -> create(attempt);
      case UPDATE -> Landing.now(updater.update(change, wanted(change)));
      case DELETE -> Landing.now(deleter.delete(change));
      case REPLACE -> replace(attempt);
      default -> throw new IllegalArgumentException("not a mutation: " + change.action());
    };
  }

  private Landing dispatchResource(Attempt attempt) {
    Change change = attempt.change();
    return switch (change.action()) {
      case MOVE -> Landing.now(moved(change));
      case CREATE ->
          resources()
              .create(change, wantedResource(change), attempt.lookupFirst(), Outcome.CREATED);
      case IMPORT -> Landing.now(resources().importExisting(change, wantedResource(change)));
      case UPDATE -> Landing.now(resources().update(change, wantedResource(change)));
      case DELETE -> Landing.now(resources().delete(change));
      case REPLACE -> {
        if (!attempt.deleteDone()) {
          resources().deleteRemote(change);
        }
        yield resources()
            .create(change, wantedResource(change), attempt.lookupFirst(), Outcome.REPLACED);
      }
      default ->
          throw new FlowformException(
              change.address()
                  + ": "
                  + change.action().label()
                  + " is not supported for this kind yet");
    };
  }

  private static ChangeOutcome moved(Change change) {
    return new ChangeOutcome(
        change, Outcome.MOVED, change.id(), "moved from '" + change.movedFrom() + "'", null);
  }

  private DesiredResource wantedResource(Change change) {
    DesiredResource wanted =
        desired
            .resource(change.address())
            .orElseThrow(
                () ->
                    new FlowformException(
                        change.address() + " is no longer in the manifests", "plan again"));
    requireResolved(change, wanted.unresolved());
    return wanted;
  }

  private Landing create(Attempt attempt) {
    Change change = attempt.change();
    DesiredConnection wanted = wanted(change);
    if (change.reason() == Reason.EXISTS_REMOTELY && !change.remoteIds().isEmpty()) {
      return Landing.now(
          alignAdopted(new Adopter(api, recorder, options.clock()).adopt(change, wanted), wanted));
    }
    boolean lookupFirst =
        attempt.lookupFirst()
            || change.reason() == Reason.PENDING_RECOVERY
            || change.reason() == Reason.EXISTS_REMOTELY;
    return alignAdopted(creator.create(change, wanted, lookupFirst, Outcome.CREATED), wanted);
  }

  /** A create that POSTed waits for its record and needs no aligning; an adopted one may. */
  private Landing alignAdopted(Landing landing, DesiredConnection wanted) {
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

  private DesiredConnection wanted(Change change) {
    DesiredConnection wanted =
        desired
            .connection(change.address())
            .orElseThrow(
                () ->
                    new FlowformException(
                        change.address() + " is no longer in the manifests", "plan again"));
    if (!wanted.secretsResolved()) {
      throw new FlowformException(
          "some secrets of " + change.address() + " did not resolve, so it cannot be sent",
          "set the environment variables or files its ${env:...} and ${file:...} name");
    }
    requireResolved(change, wanted.unresolved());
    return wanted;
  }

  /** A manifest loaded offline whose references did not all resolve cannot be sent. */
  private static void requireResolved(Change change, Collection<String> unresolved) {
    if (!unresolved.isEmpty()) {
      throw new FlowformException(
          change.address()
              + " was loaded offline and "
              + String.join(", ", new TreeSet<>(unresolved))
              + " did not resolve, so it cannot be sent",
          "plan again where every reference resolves");
    }
  }

  private Step requeue(Attempt attempt, boolean lookupFirst, boolean deleteDone) {
    if (attempt.requeues() >= options.maxRequeues()) {
      return new Step.Done(
          attempt,
          ChangeOutcome.failed(
              attempt.change(),
              "rate limited by the Flow Service (HTTP 429) "
                  + (attempt.requeues() + 1)
                  + " times; state keeps what was done",
              "try again later, or with a lower --parallelism"));
    }
    return new Step.Requeue(attempt.requeued(lookupFirst, deleteDone));
  }

  private static ChangeOutcome failed(Change change, RuntimeException e) {
    if (e instanceof FlowformException f) {
      return ChangeOutcome.failed(change, f.getMessage(), f.hint());
    }
    return ChangeOutcome.failed(
        change, "unexpected error: " + e.getClass().getSimpleName() + ": " + e.getMessage(), null);
  }
}
