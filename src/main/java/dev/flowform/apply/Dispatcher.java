package dev.flowform.apply;

import dev.flowform.plan.Change;
import dev.flowform.state.ResourceState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;

/**
 * Hands changes to the workers, at most {@code parallelism} at a time, from the caller's thread:
 * puts throttled ones back at the end of the queue, stops starting new ones once cancelled or once
 * the platform was found unreachable or state can no longer be recorded (the rest are reported as
 * not started), and calls the listener. A change whose worker left its last record on the way to
 * disk ({@link Step.Recording}) counts, and is reported, only once that record is durable: the
 * caller's thread waits for it after handing the freed worker its next change. Single use.
 */
final class Dispatcher {
  private final CompletionService<Step> workers;
  private final ChangeRunner runner;
  private final ApplyOptions options;
  private boolean cancelled;

  Dispatcher(ExecutorService pool, ChangeRunner runner, ApplyOptions options) {
    this.workers = new ExecutorCompletionService<>(pool);
    this.runner = runner;
    this.options = options;
  }

  List<ChangeOutcome> run(List<Change> changes) {
    return run(changes, Map.of());
  }

  /**
   * Runs the changes in the order their graph allows (see {@link Schedule}): a unit starts once
   * every unit it waits for succeeded; one whose prerequisite failed is not started.
   *
   * @param recorded state's records, which say what depends on what is deleted
   */
  List<ChangeOutcome> run(List<Change> changes, Map<String, ResourceState> recorded) {
    Schedule schedule = Schedule.of(changes, recorded);
    List<Schedule.Unit> units = schedule.units();
    ChangeOutcome[] outcomes = new ChangeOutcome[changes.size()];
    Boolean[] succeeded = new Boolean[units.size()];
    boolean[] started = new boolean[changes.size()];
    List<Integer> waiting = new ArrayList<>();
    for (int u = 0; u < units.size(); u++) {
      waiting.add(u);
    }
    Deque<Attempt> queue = new ArrayDeque<>();
    Step.Recording settling = null; // at most one: settled before the next step is taken
    Map<Integer, Integer> unitOf = new HashMap<>();
    int inFlight = 0;
    boolean interrupted = false;
    while (!waiting.isEmpty() || !queue.isEmpty() || inFlight > 0 || settling != null) {
      for (Iterator<Integer> it = waiting.iterator(); it.hasNext(); ) {
        int u = it.next();
        Schedule.Unit unit = units.get(u);
        if (unit.waitsFor().stream().anyMatch(w -> Boolean.FALSE.equals(succeeded[w]))) {
          it.remove();
          succeeded[u] = false;
          Change change = changes.get(unit.change());
          if (outcomes[unit.change()] == null) {
            outcomes[unit.change()] = blocked(change, unit, units, changes, succeeded);
            options.listener().onDone(change, outcomes[unit.change()]);
          }
        } else if (unit.waitsFor().stream().allMatch(w -> Boolean.TRUE.equals(succeeded[w]))) {
          it.remove();
          Change change = changes.get(unit.change());
          Attempt attempt =
              new Attempt(
                  unit.change(), change, 0, false, !unit.deleteHalf() && splitBefore(u, units));
          queue.add(attempt);
          unitOf.put(attempt.index(), u);
        }
      }
      cancelled = cancelled || options.cancellation().isCancelled();
      while (!cancelled
          && !runner.platformUnreachable()
          && !runner.stateLost()
          && !queue.isEmpty()
          && inFlight < options.parallelism()) {
        Attempt next = queue.poll();
        int u = unitOf.get(next.index());
        if (!started[next.index()]) {
          started[next.index()] = true;
          options.listener().onStart(next.change());
        }
        boolean deleteHalf = units.get(u).deleteHalf();
        workers.submit(() -> deleteHalf ? runner.runDeleteHalf(next) : runner.run(next));
        inFlight++;
      }
      Step step;
      if (settling != null) {
        // its worker runs another change by now: the change counts once its record is durable
        step = runner.settle(settling);
        settling = null;
      } else {
        if (inFlight == 0) {
          break;
        }
        try {
          step = workers.take().get();
        } catch (InterruptedException e) {
          interrupted = true;
          cancelled = true;
          continue;
        } catch (ExecutionException e) {
          throw new IllegalStateException("a worker failed unexpectedly", e.getCause());
        }
        inFlight--;
        if (step instanceof Step.Recording recording) {
          settling = recording; // settled after the freed worker is handed its next change
          continue;
        }
      }
      int u = unitOf.get(step.attempt().index());
      if (step instanceof Step.Requeue requeue) {
        queue.add(requeue.attempt());
      } else if (step instanceof Step.Done done) {
        boolean ok = done.outcome().outcome().success();
        succeeded[u] = ok;
        boolean last = schedule.last(done.attempt().index()) == u;
        if (last || !ok) {
          outcomes[done.attempt().index()] = done.outcome();
          options.listener().onDone(done.attempt().change(), done.outcome());
        }
      }
    }
    Set<Integer> left = new TreeSet<>();
    queue.forEach(a -> left.add(a.index()));
    waiting.forEach(u -> left.add(units.get(u).change()));
    for (int index : left) {
      if (outcomes[index] != null) {
        continue;
      }
      Change change = changes.get(index);
      boolean requeued = queue.stream().anyMatch(a -> a.index() == index && a.requeues() > 0);
      ChangeOutcome outcome =
          runner.platformUnreachable() && !cancelled
              ? ChangeOutcome.notStartedAsUnreachable(change)
              : runner.stateLost() && !cancelled
                  ? ChangeOutcome.notStartedStateLost(change)
                  : ChangeOutcome.notStarted(change, requeued);
      outcomes[index] = outcome;
      options.listener().onDone(change, outcome);
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return new ArrayList<>(List.of(outcomes));
  }

  /** True when unit {@code u} is the create of a split replacement (its delete came first). */
  private static boolean splitBefore(int u, List<Schedule.Unit> units) {
    return u > 0
        && units.get(u - 1).deleteHalf()
        && units.get(u - 1).change() == units.get(u).change();
  }

  private static ChangeOutcome blocked(
      Change change,
      Schedule.Unit unit,
      List<Schedule.Unit> units,
      List<Change> changes,
      Boolean[] succeeded) {
    List<String> failed = new ArrayList<>();
    for (int w : unit.waitsFor()) {
      if (Boolean.FALSE.equals(succeeded[w])) {
        String address = changes.get(units.get(w).change()).address();
        if (!failed.contains(address)) {
          failed.add(address);
        }
      }
    }
    return new ChangeOutcome(
        change,
        Outcome.NOT_STARTED,
        change.id(),
        "not started: it waits for " + String.join(", ", failed) + ", which did not succeed",
        "fix that, then run apply again");
  }

  boolean cancelled() {
    return cancelled;
  }
}
