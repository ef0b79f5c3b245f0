package dev.flowform.apply;

import dev.flowform.diag.FlowformException;
import dev.flowform.state.ResourceState;
import dev.flowform.state.State;
import dev.flowform.state.StateChange;
import dev.flowform.state.StateStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The one writer of state during an apply, by group commit: the records workers make at the same
 * time are written together, in one flush ({@link StateStore#recordAll}: one journal append and one
 * fsync, or one database transaction), and each worker returns only once its own record is durable.
 * The first worker to find no flush under way leads the next one: it takes every record queued
 * meanwhile, flushes them, and wakes their workers; the others wait. So a record is on disk before
 * its call returns, exactly as when each was written alone, but sixteen workers share one fsync
 * instead of queueing for sixteen.
 *
 * <p>When a flush fails, every record of its batch fails with the error, none counts, the state
 * stays as it was before the batch, and the recorder is {@link #lost}: no new change may start.
 * {@link #current} and {@link #resource} show durable records only.
 */
final class StateRecorder {
  private final StateStore store;
  private final Object monitor = new Object();
  private final ArrayDeque<RecordRequest> queue = new ArrayDeque<>();
  private final Map<String, Set<String>> addressesById = new HashMap<>();
  private State current;
  private boolean flushing;
  private volatile boolean lost;

  StateRecorder(State start, StateStore store) {
    this.store = store;
    this.current = start;
    start.resources().forEach(this::remember);
  }

  State current() {
    synchronized (monitor) {
      return current;
    }
  }

  Optional<ResourceState> resource(String address) {
    synchronized (monitor) {
      return current.resource(address);
    }
  }

  /** Sets {@code address}; returns once that is durable. */
  void record(String address, ResourceState resource) {
    recordLater(address, resource).await();
  }

  /**
   * Queues the record of {@code address} for the next group commit and returns at once: the record
   * counts only once {@link Durable#await} returned (a worker hands that wait to whoever reports
   * its change, and goes on meanwhile). Until then {@link #current} and {@link #resource} do not
   * show it.
   */
  Durable recordLater(String address, ResourceState resource) {
    RecordRequest request =
        enqueue(
            before -> Optional.of(StateChange.at(before.with(address, resource), address)),
            () -> remember(address, resource));
    return () -> await(request);
  }

  /** A queued record: {@link #await} returns once it is durable, or throws why it is not. */
  interface Durable {
    void await();

    /**
     * This wait, for a {@link Landing}: a failure thrown as what {@code unrecorded} makes of it.
     */
    default Runnable thrownAs(Function<RuntimeException, ? extends RuntimeException> unrecorded) {
      return () -> {
        try {
          await();
        } catch (RuntimeException e) {
          throw unrecorded.apply(e);
        }
      };
    }
  }

  /**
   * Moves the record at {@code from} to {@code to} in one write (the whole state, atomically: it
   * touches two addresses, and the records that depend on it then name it at {@code to}). Nothing
   * is written when it was moved already ({@code from} gone, {@code to} there), so a retried change
   * moves once.
   *
   * @throws FlowformException when there is nothing to move, or {@code to} is taken
   */
  void move(String from, String to) {
    commit(
        before -> {
          Optional<ResourceState> moving = before.resource(from);
          if (moving.isEmpty() && before.resource(to).isPresent()) {
            return Optional.empty();
          }
          if (moving.isEmpty() || before.resource(to).isPresent()) {
            throw new FlowformException(
                "cannot move '" + from + "' to '" + to + "': state changed since the plan",
                "plan again");
          }
          SortedMap<String, ResourceState> next = new TreeMap<>(before.resources());
          next.remove(from);
          next.put(to, moving.get());
          next.replaceAll((address, r) -> r.withDependencyRenamed(from, to));
          return Optional.of(StateChange.whole(before.withResources(next)));
        },
        () -> renameOwner(from, to));
  }

  /** Removes {@code address}; returns once that is durable (nothing is written when absent). */
  void forget(String address) {
    commit(
        before ->
            before.resource(address).isEmpty()
                ? Optional.empty()
                : Optional.of(StateChange.at(before.without(address), address)),
        () -> {});
  }

  /**
   * True once a flush failed (the store could not be reached, another writer changed it, this run
   * lost its lock, the disk refused): nothing more can be recorded, so no new change may start.
   */
  boolean lost() {
    return lost;
  }

  /**
   * True when {@code id} was recorded for any other address, at the start or during this apply: a
   * lookup by name must never adopt it for {@code address}. O(1), whatever the size of the state.
   */
  boolean ownedByOther(String id, String address) {
    synchronized (monitor) {
      Set<String> owners = addressesById.get(id);
      return owners != null && (owners.size() > 1 || !owners.contains(address));
    }
  }

  /**
   * Reserves {@code id} for {@code address} before its record is durable, so that no other address
   * adopts it meanwhile (two workers finding the same resource by its content).
   *
   * @return false when another address holds it already (nothing is reserved)
   */
  boolean claim(String id, String address) {
    synchronized (monitor) {
      if (ownedByOther(id, address)) {
        return false;
      }
      addressesById.computeIfAbsent(id, a -> new HashSet<>()).add(address);
      return true;
    }
  }

  /** The other address {@code id} is recorded for, quoted, for messages (see ownedByOther). */
  String ownerOf(String id, String address) {
    synchronized (monitor) {
      return addressesById.getOrDefault(id, Set.of()).stream()
          .filter(owner -> !owner.equals(address))
          .findFirst()
          .map(owner -> "\"" + owner + "\"")
          .orElse("another address");
    }
  }

  /** How many records wait for the next flush (for tests that line workers up). */
  int queued() {
    synchronized (monitor) {
      return queue.size();
    }
  }

  /** Queues {@code edit} and returns once it is durable (see {@link #await}). */
  private void commit(RecordRequest.Edit edit, RecordRequest.AfterDurable afterDurable) {
    await(enqueue(edit, afterDurable));
  }

  private RecordRequest enqueue(RecordRequest.Edit edit, RecordRequest.AfterDurable afterDurable) {
    RecordRequest request = new RecordRequest(edit, afterDurable);
    synchronized (monitor) {
      queue.add(request);
    }
    return request;
  }

  /** Leads flushes while none is under way, returns once {@code request} is durable. */
  private void await(RecordRequest request) {
    boolean interrupted = false;
    try {
      while (!request.done()) {
        RecordBatch batch;
        synchronized (monitor) {
          while (flushing && !request.done()) {
            try {
              monitor.wait();
            } catch (InterruptedException e) {
              interrupted = true; // a queued record is seen through: its worker must know
            }
          }
          if (request.done()) {
            break;
          }
          flushing = true;
          batch = new RecordBatch(current, drain());
        }
        flush(batch);
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    request.outcome();
  }

  /** Writes a batch (outside the monitor, so workers queue meanwhile) and releases its workers. */
  private void flush(RecordBatch batch) {
    RuntimeException failure = null;
    boolean durable = false;
    try {
      if (!batch.changes().isEmpty()) {
        store.recordAll(batch.changes());
      }
      durable = true;
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      synchronized (monitor) {
        try {
          settle(batch, durable, failure);
        } finally {
          flushing = false;
          monitor.notifyAll();
        }
      }
    }
  }

  /** Under the monitor: the batch is durable, or none of it counts and the recorder is lost. */
  private void settle(RecordBatch batch, boolean durable, RuntimeException failure) {
    if (durable) {
      current = batch.after();
      batch.writing().forEach(r -> r.afterDurable().run());
      batch.writing().forEach(RecordRequest::succeed);
      return;
    }
    lost = true;
    RuntimeException cause =
        failure != null ? failure : new IllegalStateException("the state flush did not finish");
    batch.writing().forEach(r -> r.fail(cause));
  }

  private List<RecordRequest> drain() {
    List<RecordRequest> drained = new ArrayList<>(queue);
    queue.clear();
    return drained;
  }

  private void renameOwner(String from, String to) {
    addressesById
        .values()
        .forEach(
            owners -> {
              if (owners.remove(from)) {
                owners.add(to);
              }
            });
  }

  private void remember(String address, ResourceState resource) {
    if (resource.id() != null) {
      addressesById.computeIfAbsent(resource.id(), a -> new HashSet<>()).add(address);
    }
  }
}
