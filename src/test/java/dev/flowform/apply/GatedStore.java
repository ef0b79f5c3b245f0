package dev.flowform.apply;

import dev.flowform.state.State;
import dev.flowform.state.StateChange;
import dev.flowform.state.StateStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntPredicate;

/**
 * A store in front of a real one that counts its flushes, holds its first flush until a condition
 * on that flush's size holds (so that the other workers line up behind it), and fails the flushes
 * it is told to fail.
 */
final class GatedStore implements StateStore {
  private final StateStore inner;
  private final IntPredicate firstFlushWaitsFor;
  private final int failingFlush;
  private final RuntimeException failure;
  private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

  /**
   * @param failingFlush which flush (1-based) throws {@code failure}; 0: none
   */
  GatedStore(
      StateStore inner,
      IntPredicate firstFlushWaitsFor,
      int failingFlush,
      RuntimeException failure) {
    this.inner = inner;
    this.firstFlushWaitsFor = firstFlushWaitsFor;
    this.failingFlush = failingFlush;
    this.failure = failure;
  }

  /** The size of each flush, in order (failed ones included). */
  List<Integer> batchSizes() {
    return List.copyOf(batchSizes);
  }

  @Override
  public Optional<State> read() {
    return inner.read();
  }

  @Override
  public void write(State state) {
    recordAll(List.of(StateChange.whole(state)));
  }

  @Override
  public void record(State newState, String changedAddress) {
    recordAll(List.of(StateChange.at(newState, changedAddress)));
  }

  @Override
  public void recordAll(List<StateChange> changes) {
    batchSizes.add(changes.size());
    if (batchSizes.size() == 1) {
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (!firstFlushWaitsFor.test(changes.size()) && System.nanoTime() < deadline) {
        pause();
      }
    }
    if (batchSizes.size() == failingFlush) {
      throw failure;
    }
    inner.recordAll(changes);
  }

  private static void pause() {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    inner.close();
  }
}
