package dev.flowform.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.flowform.flowservice.Collection;
import dev.flowform.flowservice.PlatformResources;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * --parallelism bounds the requests in flight, whatever the number of workers: the pipeline calls
 * share the connection calls' slots, and a request still waiting when the apply is cancelled is
 * never sent.
 */
class RequestSlotsTest {

  /** A platform whose creates block until released, counting how many run at once. */
  private static final class Gate implements PlatformResources {
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger most = new AtomicInteger();
    final AtomicInteger sent = new AtomicInteger();
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public JsonNode create(Collection collection, JsonNode body, Runnable beforeEachSend) {
      beforeEachSend.run();
      sent.incrementAndGet();
      most.accumulateAndGet(running.incrementAndGet(), Math::max);
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      running.decrementAndGet();
      return JsonNodeFactory.instance.objectNode().put("id", "x");
    }

    @Override
    public Optional<JsonNode> get(Collection collection, String id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<JsonNode> list(Collection collection, String property) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String patch(Collection collection, String id, String etag, JsonNode operations) {
      throw new UnsupportedOperationException();
    }

    @Override
    public JsonNode put(Collection collection, String id, JsonNode body) {
      throw new UnsupportedOperationException();
    }

    @Override
    public JsonNode action(Collection collection, String id, String op) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void delete(Collection collection, String id) {
      throw new UnsupportedOperationException();
    }
  }

  private static List<Future<JsonNode>> createAtOnce(
      PlatformResources platform, int workers, ExecutorService pool) {
    List<Future<JsonNode>> calls = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      calls.add(
          pool.submit(
              () -> platform.create(Collection.FLOWS, JsonNodeFactory.instance.objectNode())));
    }
    return calls;
  }

  private static void awaitSent(Gate gate, int count) throws InterruptedException {
    for (int i = 0; i < 500 && gate.sent.get() < count; i++) {
      Thread.sleep(10);
    }
  }

  @Test
  void pipelineCallsNeverHaveMoreRequestsInFlightThanTheSlots() throws Exception {
    Gate gate = new Gate();
    RequestSlots slots = new RequestSlots(new AdaptiveLimit(3), Cancellation.NEVER);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<JsonNode>> calls = createAtOnce(new LimitedResources(gate, slots), 8, pool);
      awaitSent(gate, 3);
      Thread.sleep(100); // time for a fourth to get in, were the slots not shared
      assertEquals(3, gate.sent.get(), "only three of eight may be sent at once");

      gate.release.countDown();
      for (Future<JsonNode> call : calls) {
        assertEquals("x", call.get(10, TimeUnit.SECONDS).get("id").asText());
      }
      assertEquals(8, gate.sent.get());
      assertEquals(3, gate.most.get());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRequestWaitingForASlotWhenTheApplyIsCancelledIsNeverSent() throws Exception {
    Gate gate = new Gate();
    CancellationFlag cancel = new CancellationFlag();
    RequestSlots slots = new RequestSlots(new AdaptiveLimit(1), cancel);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      PlatformResources limited = new LimitedResources(gate, slots);
      List<Future<JsonNode>> calls = createAtOnce(limited, 1, pool);
      awaitSent(gate, 1);
      List<Future<JsonNode>> waiting = createAtOnce(limited, 1, pool);

      cancel.cancel();
      Exception given =
          assertThrows(Exception.class, () -> waiting.get(0).get(5, TimeUnit.SECONDS));
      gate.release.countDown();

      assertTrue(given.getCause() instanceof NotSent, given.toString());
      assertEquals("x", calls.get(0).get(5, TimeUnit.SECONDS).get("id").asText());
      assertEquals(1, gate.sent.get(), "the waiting create was never sent");
    } finally {
      pool.shutdownNow();
    }
  }
}
