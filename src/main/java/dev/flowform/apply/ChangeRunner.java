package dev.flowform.apply;

import dev.flowform.diag.FlowformException;
import dev.flowform.flowservice.FlowServiceApi;
import dev.flowform.flowservice.UnreachableException;
import dev.flowform.manifest.DesiredResource;
import dev.flowform.manifest.DesiredState;
import dev.flowform.plan.Action;
import dev.flowform.plan.Change;
import dev.flowform.registry.Kinds;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Runs one attempt of one change and says how it ended: records a move, hands a base connection's
 * change to {@link ConnectionRunner} and a pipeline resource's to {@link ResourceRunner}; never
 * throws, turns every error into a failed outcome (with message and hint), and a 429 into a requeue
 * while requeues remain.
 */
final class ChangeRunner {
  private final DesiredState desired;
  private final ConnectionRunner connections;
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
    this.connections = new ConnectionRunner(desired, recorder, api, options);
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
    if (change.action() == Action.MOVE) {
      return Landing.now(
          new ChangeOutcome(
              change, Outcome.MOVED, change.id(), "moved from '" + change.movedFrom() + "'", null));
    }
    return change.isPipeline() ? dispatchResource(attempt) : connections.run(attempt);
  }

  private Landing dispatchResource(Attempt attempt) {
    Change change = attempt.change();
    return switch (change.action()) {
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

  private DesiredResource wantedResource(Change change) {
    return Wanted.resource(desired, change);
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
