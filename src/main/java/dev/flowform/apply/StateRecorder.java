package dev.flowform.apply;

import dev.flowform.diag.FlowformException;
import dev.flowform.state.ResourceState;
import dev.flowform.state.State;
import dev.flowform.state.StateConflictException;
import dev.flowform.state.StateStore;
import dev.flowform.state.StateUnavailableException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one writer of state during an apply: every record goes through here, one at a time, and is
 * persisted before the call returns, so concurrent changes never lose each other's records. When a
 * write fails the current state stays as it was and the error reaches the change.
 */
final class StateRecorder {
  private final StateStore store;
  private final Map<String, Set<String>> addressesById = new HashMap<>();
  private State current;
  private volatile boolean lost;

  StateRecorder(State start, StateStore store) {
    this.store = store;
    this.current = start;
    start.resources().forEach((address, resource) -> remember(address, resource));
  }

  synchronized State current() {
    return current;
  }

  synchronized Optional<ResourceState> resource(String address) {
    return current.resource(address);
  }

  /** Sets {@code address} and persists (journaled: the cost does not grow with the state). */
  synchronized void record(String address, ResourceState resource) {
    State next = current.with(address, resource);
    persist(next, address);
    current = next;
    remember(address, resource);
  }

  /**
   * Moves the record at {@code from} to {@code to} in one write (the whole state, atomically: it
   * touches two addresses). Nothing is written when it was moved already ({@code from} gone, {@code
   * to} there), so a retried change moves once.
   *
   * @throws FlowformException when there is nothing to move, or {@code to} is taken
   */
  synchronized void move(String from, String to) {
    Optional<ResourceState> moving = current.resource(from);
    if (moving.isEmpty() && current.resource(to).isPresent()) {
      return;
    }
    if (moving.isEmpty() || current.resource(to).isPresent()) {
      throw new FlowformException(
          "cannot move '" + from + "' to '" + to + "': state changed since the plan", "plan again");
    }
    java.util.SortedMap<String, ResourceState> next = new java.util.TreeMap<>(current.resources());
    next.remove(from);
    next.put(to, moving.get());
    State moved = current.withResources(next);
    store.write(moved);
    current = moved;
    addressesById
        .values()
        .forEach(
            owners -> {
              if (owners.remove(from)) {
                owners.add(to);
              }
            });
  }

  /** Removes {@code address} and persists (nothing is written when it is not there). */
  synchronized void forget(String address) {
    if (current.resource(address).isEmpty()) {
      return;
    }
    State next = current.without(address);
    persist(next, address);
    current = next;
  }

  /**
   * True once the store could not be reached or another writer changed it: nothing more can be
   * recorded, so no new change may start.
   */
  boolean lost() {
    return lost;
  }

  private void persist(State next, String address) {
    try {
      store.record(next, address);
    } catch (StateUnavailableException | StateConflictException e) {
      lost = true;
      throw e;
    }
  }

  /**
   * True when {@code id} was recorded for any other address, at the start or during this apply: a
   * lookup by name must never adopt it for {@code address}. O(1), whatever the size of the state.
   */
  synchronized boolean ownedByOther(String id, String address) {
    Set<String> owners = addressesById.get(id);
    return owners != null && (owners.size() > 1 || !owners.contains(address));
  }

  /** The other address {@code id} is recorded for, quoted, for messages (see ownedByOther). */
  synchronized String ownerOf(String id, String address) {
    return addressesById.getOrDefault(id, Set.of()).stream()
        .filter(owner -> !owner.equals(address))
        .findFirst()
        .map(owner -> "\"" + owner + "\"")
        .orElse("another address");
  }

  private void remember(String address, ResourceState resource) {
    if (resource.id() != null) {
      addressesById.computeIfAbsent(resource.id(), a -> new HashSet<>()).add(address);
    }
  }
}
