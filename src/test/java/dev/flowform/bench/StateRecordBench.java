package dev.flowform.bench;

import dev.flowform.state.FileStateStore;
import dev.flowform.state.State;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Benchmark, not a test (run by {@code bench/run.sh}, never by Maven): the cost of recording one
 * change, the way the applier does it ({@code State.with} then {@code FileStateStore.record}), in a
 * state of 100 and of 10,000 resources. Prints {@code <size> <microseconds per recorded change>
 * <microseconds per State.with alone>} lines: the first includes the fsync of the journal line.
 *
 * <p>Usage: {@code java -cp target/test-classes:target/flowform.jar
 * dev.flowform.bench.StateRecordBench <work-dir>}
 */
public final class StateRecordBench {
  private static final int CHANGES = 1_000;

  private StateRecordBench() {}

  public static void main(String[] args) throws IOException {
    Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/bench-state"));
    run(dir, 100, false); // warm-up of both sizes, not reported
    run(dir, 10_000, false);
    for (int size : new int[] {100, 10_000}) {
      System.out.printf("%d %.1f %.2f%n", size, run(dir, size, true), withOnly(size));
    }
  }

  /** Microseconds per recorded change, median of three rounds. */
  private static double run(Path dir, int size, boolean report) {
    double[] rounds = new double[3];
    for (int round = 0; round < rounds.length; round++) {
      Path file = dir.resolve("state-" + size + "-" + round + "-" + report + ".json");
      try (FileStateStore store = new FileStateStore(file)) {
        State state = BenchStates.filled(size);
        store.write(state);
        long start = System.nanoTime();
        for (int i = 0; i < CHANGES; i++) {
          String address = "c-" + (i % size);
          state = state.with(address, BenchStates.resource(address, "v" + i));
          store.record(state, address);
        }
        rounds[round] = (System.nanoTime() - start) / 1_000.0 / CHANGES;
      }
      delete(file);
    }
    java.util.Arrays.sort(rounds);
    return rounds[1];
  }

  /** Microseconds of one {@code State.with}, in memory only, best of three rounds. */
  private static double withOnly(int size) {
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 3; round++) {
      State state = BenchStates.filled(size);
      long start = System.nanoTime();
      for (int i = 0; i < 100_000; i++) {
        String address = "c-" + (i % size);
        state = state.with(address, BenchStates.resource(address, "v" + i));
      }
      best = Math.min(best, (System.nanoTime() - start) / 1_000.0 / 100_000);
    }
    return best;
  }

  private static void delete(Path file) {
    try {
      for (String suffix : new String[] {"", ".backup", ".journal"}) {
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
