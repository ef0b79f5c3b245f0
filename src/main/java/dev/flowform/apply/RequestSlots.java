package dev.flowform.apply;

import dev.flowform.diag.FlowformException;
import java.util.function.Supplier;

/**
 * The requests that may be in flight at once, shared by every call of an apply (connections and
 * pipeline resources alike): each waits for a slot of the {@link AdaptiveLimit}, tells it whether
 * the platform throttled (429) or answered, and gives the slot back. A request still waiting when
 * the apply is cancelled is never sent ({@link NotSent}).
 */
final class RequestSlots {
  private final AdaptiveLimit limit;
  private final Cancellation cancellation;

  RequestSlots(AdaptiveLimit limit, Cancellation cancellation) {
    this.limit = limit;
    this.cancellation = cancellation;
  }

  <T> T call(Supplier<T> request) {
    boolean taken;
    try {
      taken = limit.acquire(cancellation);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FlowformException("interrupted while waiting to call the Flow Service");
    }
    if (!taken) {
      throw new NotSent();
    }
    try {
      T answer = request.get();
      limit.onSuccess();
      return answer;
    } catch (RuntimeException e) {
      if (LimitedFlowService.isThrottled(e)) {
        limit.onThrottled();
      }
      throw e;
    } finally {
      limit.release();
    }
  }
}
