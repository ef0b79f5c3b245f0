package dev.flowform.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.state.FileStateStore;
import dev.flowform.state.State;
import dev.flowform.state.StateStore;
import dev.flowform.state.StateUnavailableException;
import dev.flowform.state.pg.Author;
import dev.flowform.state.pg.PostgresStateStore;
import dev.flowform.testing.Fixtures;
import dev.flowform.testing.HandClock;
import dev.flowform.testing.PostgresExtension;
import dev.flowform.testing.StateFixtures;
import dev.flowform.testing.TestSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sixteen workers recording at once: their records share flushes (group commit), each returns only
 * once its record is durable, none is lost, and a failed flush fails every record of its batch.
 */
@ExtendWith(PostgresExtension.class)
class StateRecorderGroupCommitTest {
  private static final int WORKERS = 16;
  private static final int START = 2;

  @Test
  void sixteenWorkersShareTwoJournalFlushesAndEveryRecordIsInTheFile(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("dev.state.json");
    FileStateStore files = new FileStateStore(file);
    files.write(StateFixtures.withResources(START));

    Run run = recordAtOnce(files, 0, null);

    assertEquals(2, run.store().batchSizes().size(), "flushes: " + run.store().batchSizes());
    assertEquals(WORKERS, run.store().batchSizes().stream().mapToInt(i -> i).sum());
    assertTrue(run.failures().isEmpty(), run.failures().toString());
    State onDisk = new FileStateStore(file).read().orElseThrow();
    assertEquals(expectedAddresses(WORKERS), onDisk.resources().keySet());
    assertEquals(START + WORKERS, onDisk.serial());
    assertEquals(onDisk, run.recorder().current());
  }

  @Test
  void sixteenWorkersShareTwoDatabaseTransactionsAndEveryRecordIsInTheDatabase(TestSchema schema)
      throws Exception {
    Author author = new Author("apply", "alice@build-7", "0.1.0");
    HandClock clock = new HandClock(Fixtures.T0);
    try (PostgresStateStore rows =
        PostgresStateStore.open(schema.parsedUrl("dev"), author, clock)) {
      rows.write(StateFixtures.withResources(START));

      Run run = recordAtOnce(rows, 0, null);

      assertEquals(2, run.store().batchSizes().size(), "flushes: " + run.store().batchSizes());
      assertTrue(run.failures().isEmpty(), run.failures().toString());
    }
    try (PostgresStateStore again =
        PostgresStateStore.open(schema.parsedUrl("dev"), author, clock)) {
      State stored = again.read().orElseThrow();
      assertEquals(expectedAddresses(WORKERS), stored.resources().keySet());
      assertEquals(START + WORKERS, stored.serial());
      assertEquals(1 + WORKERS, again.versions().size(), "one version per record, none lost");
    }
  }

  @Test
  void aFailedFlushFailsEveryRecordOfItsBatchAndTheRecorderIsLost(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("dev.state.json");
    FileStateStore files = new FileStateStore(file);
    files.write(StateFixtures.withResources(START));
    StateUnavailableException down = new StateUnavailableException("disk gone", "fix it");

    Run run = recordAtOnce(files, 2, down);

    int first = run.store().batchSizes().get(0);
    assertEquals(WORKERS - first, run.failures().size(), "every record of the failed batch");
    run.failures().forEach(e -> assertSame(down, e));
    assertTrue(run.recorder().lost());
    State onDisk = new FileStateStore(file).read().orElseThrow();
    assertEquals(START + first, onDisk.resources().size(), "the first batch alone is recorded");
    assertEquals(onDisk, run.recorder().current(), "nothing of the failed batch counts");
  }

  @Test
  void aRecorderThatNeverFailedIsNotLost(@TempDir Path dir) throws Exception {
    FileStateStore files = new FileStateStore(dir.resolve("dev.state.json"));
    files.write(StateFixtures.withResources(START));

    assertFalse(recordAtOnce(files, 0, null).recorder().lost());
  }

  /** What a run of sixteen workers left: the recorder, the flushes, the records that failed. */
  private record Run(StateRecorder recorder, GatedStore store, List<Throwable> failures) {}

  /**
   * Sixteen workers record one pending connection each at the same moment; the first flush waits
   * until every worker it did not take is queued behind it.
   */
  private static Run recordAtOnce(StateStore inner, int failingFlush, RuntimeException failure)
      throws InterruptedException {
    State start = inner.read().orElseThrow();
    AtomicReference<StateRecorder> recorder = new AtomicReference<>();
    GatedStore store =
        new GatedStore(
            inner,
            first -> first + recorder.get().queued() >= WORKERS, // every other worker queued
            failingFlush,
            failure);
    recorder.set(new StateRecorder(start, store));
    ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
    List<Future<?>> workers = new ArrayList<>();
    for (int w = 0; w < WORKERS; w++) {
      int i = START + w;
      workers.add(
          pool.submit(
              () -> recorder.get().record(StateFixtures.address(i), StateFixtures.pending(i))));
    }
    List<Throwable> failures = new ArrayList<>();
    try {
      for (Future<?> worker : workers) {
        try {
          worker.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          failures.add(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
          throw new AssertionError("a worker was never released", e);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return new Run(recorder.get(), store, failures);
  }

  private static Set<String> expectedAddresses(int added) {
    Function<Integer, String> address = StateFixtures::address;
    Set<String> all = new TreeSet<>();
    for (int i = 0; i < START + added; i++) {
      all.add(address.apply(i));
    }
    return all;
  }
}
