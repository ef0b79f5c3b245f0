package dev.flowform.state.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.state.State;
import dev.flowform.state.StateConflictException;
import dev.flowform.testing.HandClock;
import dev.flowform.testing.PostgresExtension;
import dev.flowform.testing.TestSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs that write one state at the same moment (as two machines without the lock would): each
 * record either lands or is refused, and every record that landed is in the state at the end.
 */
@ExtendWith(PostgresExtension.class)
class ConcurrentWritersTest {
  private static final int WRITERS = 4;
  private static final int ROUNDS = 15;

  @Test
  void writersRacingOnOneStateNeverLoseARecordThatLanded(TestSchema schema) throws Exception {
    HandClock clock = new HandClock(States.T0);
    try (PostgresStateStore setup =
        PostgresStateStore.open(schema.parsedUrl("dev"), States.APPLY, clock)) {
      setup.write(States.withResources(2));
    }
    CyclicBarrier together = new CyclicBarrier(WRITERS);
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    List<Future<List<String>>> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      int writer = w;
      writers.add(
          pool.submit(
              () -> {
                List<String> landed = new ArrayList<>();
                try (PostgresStateStore store =
                    PostgresStateStore.open(schema.parsedUrl("dev"), States.APPLY, clock)) {
                  for (int round = 0; round < ROUNDS; round++) {
                    State state = store.read().orElseThrow();
                    String address = "w" + writer + "-r" + round;
                    together.await(30, TimeUnit.SECONDS);
                    try {
                      store.record(state.with(address, States.pending(round)), address);
                      landed.add(address);
                    } catch (StateConflictException e) {
                      // refused: another writer moved the state first
                    }
                  }
                }
                return landed;
              }));
    }
    Set<String> landed = new TreeSet<>();
    try {
      for (Future<List<String>> writer : writers) {
        landed.addAll(writer.get(120, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }

    try (PostgresStateStore store =
        PostgresStateStore.open(schema.parsedUrl("dev"), States.APPLY, clock)) {
      State end = store.read().orElseThrow();
      Set<String> recorded = new TreeSet<>(end.resources().keySet());
      recorded.removeAll(States.withResources(2).resources().keySet());
      assertEquals(landed, recorded);
      assertEquals(2 + landed.size(), end.serial());
      assertEquals(1 + landed.size(), store.versions().size());
      assertTrue(landed.size() >= ROUNDS, "at least one writer lands in each round: " + landed);
    }
  }
}
