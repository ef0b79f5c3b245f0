package dev.flowform.apply;

import dev.flowform.diag.FlowformException;
import dev.flowform.flowservice.FlowServiceApi;
import dev.flowform.manifest.DesiredState;
import dev.flowform.plan.Change;
import dev.flowform.plan.Plan;
import dev.flowform.state.State;
import dev.flowform.state.StateStore;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Executes a plan against the Flow Service: the changes that mutate, with at most {@code
 * parallelism} requests in flight (fewer while the platform rate limits), each change persisting
 * its own records as it goes. Whatever happens, the platform never gets a duplicate connection and
 * state never loses an id: creates are recorded as pending before they are sent and found again by
 * name when their outcome is unknown. A failed change is reported and the others carry on.
 *
 * <p>Adopting: a {@code CREATE} with reason {@code EXISTS_REMOTELY} and exactly one remote id
 * records that connection without sending a create; a {@code CREATE} with reason {@code
 * PENDING_RECOVERY} looks the name up first (adopt the single match, create when none, stop when
 * several).
 */
public final class Applier {

  /**
   * @param desired the manifests the plan was made from (for the values to send, secrets included)
   * @param startState the state the plan was made from, as read under the lock
   * @param store where each record is persisted as soon as it is made
   * @throws FlowformException before anything is sent when the plan cannot be applied (it was made
   *     without some secrets, or for another state)
   */
  public ApplyResult apply(
      Plan plan,
      DesiredState desired,
      State startState,
      StateStore store,
      FlowServiceApi api,
      ApplyOptions options) {
    check(plan, startState);
    List<Change> mutations = plan.mutations();
    if (mutations.isEmpty()) {
      return new ApplyResult(List.of(), startState, false);
    }
    StateRecorder recorder = new StateRecorder(startState, store);
    RequestSlots slots =
        new RequestSlots(new AdaptiveLimit(options.parallelism()), options.cancellation());
    ChangeRunner runner =
        new ChangeRunner(desired, recorder, new LimitedFlowService(api, slots), options);
    int threads = Math.min(options.parallelism(), mutations.size());
    ExecutorService pool = Executors.newFixedThreadPool(threads, workerThreads());
    try {
      Dispatcher dispatcher = new Dispatcher(pool, runner, options);
      List<ChangeOutcome> outcomes = dispatcher.run(mutations, startState.resources());
      return new ApplyResult(outcomes, recorder.current(), dispatcher.cancelled());
    } finally {
      pool.shutdown();
    }
  }

  private static void check(Plan plan, State startState) {
    plan.requireAllSecrets("cannot apply this plan");
    boolean sameLineage = plan.lineage() == null || plan.lineage().equals(startState.lineage());
    if (!sameLineage || plan.serial() != startState.serial()) {
      throw new FlowformException(
          "the plan was made from another version of the state (stale plan)", "plan again");
    }
  }

  private static ThreadFactory workerThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "flowform-apply-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
