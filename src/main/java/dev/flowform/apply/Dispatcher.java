package dev.flowform.apply;

import dev.flowform.plan.Change;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;

/**
 * Hands changes to the workers, at most {@code parallelism} at a time, from the caller's thread:
 * puts throttled ones back at the end of the queue, stops starting new ones once cancelled or once
 * the platform was found unreachable or state can no longer be recorded (the rest are reported as
 * not started), and calls the listener. Single use.
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
    ChangeOutcome[] outcomes = new ChangeOutcome[changes.size()];
    Deque<Attempt> queue = new ArrayDeque<>();
    for (int i = 0; i < changes.size(); i++) {
      queue.add(Attempt.first(i, changes.get(i)));
    }
    int inFlight = 0;
    boolean interrupted = false;
    while (!queue.isEmpty() || inFlight > 0) {
      cancelled = cancelled || options.cancellation().isCancelled();
      while (!cancelled
          && !runner.platformUnreachable()
          && !runner.stateLost()
          && !queue.isEmpty()
          && inFlight < options.parallelism()) {
        Attempt next = queue.poll();
        if (next.requeues() == 0) {
          options.listener().onStart(next.change());
        }
        workers.submit(() -> runner.run(next));
        inFlight++;
      }
      if (inFlight == 0) {
        break;
      }
      Step step;
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
      if (step instanceof Step.Requeue requeue) {
        queue.add(requeue.attempt());
      } else if (step instanceof Step.Done done) {
        outcomes[done.attempt().index()] = done.outcome();
        options.listener().onDone(done.attempt().change(), done.outcome());
      }
    }
    for (Attempt left : queue) {
      ChangeOutcome outcome =
          runner.platformUnreachable() && !cancelled
              ? ChangeOutcome.notStartedAsUnreachable(left.change())
              : runner.stateLost() && !cancelled
                  ? ChangeOutcome.notStartedStateLost(left.change())
                  : ChangeOutcome.notStarted(left.change(), left.requeues() > 0);
      outcomes[left.index()] = outcome;
      options.listener().onDone(left.change(), outcome);
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return new ArrayList<>(List.of(outcomes));
  }

  boolean cancelled() {
    return cancelled;
  }
}
