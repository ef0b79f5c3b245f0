package dev.flowform.refresh;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs one read per key on at most {@code parallelism} threads; every error is kept, not thrown.
 */
final class BoundedParallel {
  private BoundedParallel() {}

  static <T> List<Read<T>> map(List<String> keys, Function<String, T> read, int parallelism) {
    if (keys.isEmpty()) {
      return List.of();
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(parallelism, keys.size())),
            task -> {
              Thread thread = new Thread(task, "flowform-refresh");
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<Read<T>>> futures = new ArrayList<>();
      for (String key : keys) {
        futures.add(pool.submit(() -> readOne(key, read)));
      }
      List<Read<T>> reads = new ArrayList<>();
      for (Future<Read<T>> future : futures) {
        reads.add(future.get());
      }
      return reads;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the platform", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a read failed unexpectedly", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> Read<T> readOne(String key, Function<String, T> read) {
    try {
      return Read.ok(key, read.apply(key));
    } catch (RuntimeException e) {
      return Read.failed(key, e);
    }
  }
}
