package dev.flowform.bench;

import dev.flowform.state.State;
import dev.flowform.state.pg.Author;
import dev.flowform.state.pg.PostgresStateStore;
import dev.flowform.testing.PostgresServer;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.UUID;

/**
 * Benchmark, not a test (never run by Maven): the cost of recording one change in PostgreSQL, the
 * way the applier does it ({@code State.with} then {@code PostgresStateStore.record}: one committed
 * transaction), in a state of 100 and of 10,000 resources. Prints {@code <size> <microseconds per
 * recorded change> <milliseconds per whole write>} lines; the whole write is there for contrast.
 *
 * <p>Uses {@code FLOWFORM_TEST_PG_URL} when set, else starts a throw-away local cluster as the
 * tests do (fsync off there: this measures flowform's work and the round trips, not the disk).
 *
 * <p>Usage: {@code java -cp target/test-classes:target/flowform.jar:$(cat cp.txt)
 * dev.flowform.bench.PostgresRecordBench}
 */
public final class PostgresRecordBench {
  private static final int CHANGES = 500;
  private static final Author AUTHOR = new Author("apply", "bench@local", "bench");

  private PostgresRecordBench() {}

  public static void main(String[] args) throws SQLException {
    PostgresServer server = PostgresServer.shared();
    String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    try {
      run(server, schema, 100); // warm-up of both sizes, not reported
      run(server, schema, 10_000);
      for (int size : new int[] {100, 10_000}) {
        double[] result = run(server, schema, size);
        System.out.printf("%d %.1f %.1f%n", size, result[0], result[1]);
      }
    } finally {
      server.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  /** Microseconds per recorded change (median of three rounds) and milliseconds of one write. */
  private static double[] run(PostgresServer server, String schema, int size) {
    double[] rounds = new double[3];
    double write = 0;
    for (int round = 0; round < rounds.length; round++) {
      String key = "bench-" + size + "-" + UUID.randomUUID();
      try (PostgresStateStore store =
          PostgresStateStore.open(server.parsedUrl(schema, key), AUTHOR, Clock.systemUTC())) {
        State state = BenchStates.filled(size);
        long writeStart = System.nanoTime();
        store.write(state);
        write = (System.nanoTime() - writeStart) / 1_000_000.0;
        long start = System.nanoTime();
        for (int i = 0; i < CHANGES; i++) {
          String address = "c-" + (i % size);
          state = state.with(address, BenchStates.resource(address, "v" + i));
          store.record(state, address);
        }
        rounds[round] = (System.nanoTime() - start) / 1_000.0 / CHANGES;
      }
    }
    Arrays.sort(rounds);
    return new double[] {rounds[1], write};
  }
}
