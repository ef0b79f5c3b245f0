package dev.flowform.emulator;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The connections of every org and sandbox. Each change is made under the lock of {@link
 * Persistence} (shared with the {@link ResourceStore}) and, with a data file, persisted before it
 * is answered; a change that cannot be persisted is undone.
 */
final class ConnectionStore {
  private final Map<String, EmulatedConnection> byId = new LinkedHashMap<>();
  private final Persistence persistence;
  private final Ids ids;
  private final Clock clock;
  private long nextSequence;

  ConnectionStore(Persistence persistence, Ids ids, Clock clock) {
    this.persistence = persistence;
    this.ids = ids;
    this.clock = clock;
    persistence.loadedConnections().forEach(c -> byId.put(c.id(), c));
    this.nextSequence =
        byId.values().stream().mapToLong(EmulatedConnection::sequence).max().orElse(0) + 1;
  }

  EmulatedConnection create(Scope scope, NewConnection request, String client) {
    synchronized (persistence) {
      return createLocked(scope, request, client);
    }
  }

  private EmulatedConnection createLocked(Scope scope, NewConnection request, String client) {
    String id = ids.uuid();
    while (byId.containsKey(id)) {
      id = ids.uuid();
    }
    Instant now = clock.instant();
    EmulatedConnection created =
        EmulatedConnection.builder()
            .id(id)
            .scope(scope)
            .name(request.name())
            .description(request.description())
            .connectionSpec(request.specId(), request.specVersion())
            .authSpecName(request.authSpecName())
            .params(request.params())
            .state("enabled")
            .etag(ids.etag(now))
            .created(now.toEpochMilli(), client)
            .sequence(nextSequence)
            .build();
    commit(id, created);
    nextSequence++;
    return created;
  }

  Optional<EmulatedConnection> get(Scope scope, String id) {
    synchronized (persistence) {
      return Optional.ofNullable(byId.get(id)).filter(c -> c.in(scope));
    }
  }

  /** The connections of one org and sandbox, in creation order. */
  List<EmulatedConnection> list(Scope scope) {
    synchronized (persistence) {
      return byId.values().stream().filter(c -> c.in(scope)).toList();
    }
  }

  /** Every connection, in creation order. */
  List<EmulatedConnection> all() {
    synchronized (persistence) {
      return List.copyOf(byId.values());
    }
  }

  /**
   * Applies {@code change} to the connection if {@code ifMatch} names its etag, then gives it a new
   * etag.
   */
  EmulatedConnection update(
      Scope scope, String id, String ifMatch, UnaryOperator<EmulatedConnection> change, String by) {
    synchronized (persistence) {
      return updateLocked(scope, id, ifMatch, change, by);
    }
  }

  private EmulatedConnection updateLocked(
      Scope scope, String id, String ifMatch, UnaryOperator<EmulatedConnection> change, String by) {
    EmulatedConnection current = get(scope, id).orElseThrow(() -> Errors.notFound(id));
    if (!Etags.matches(ifMatch, current.etag())) {
      throw Errors.versionMismatch(ifMatch, current.etag());
    }
    Instant now = clock.instant();
    EmulatedConnection updated =
        change.apply(current).updated(ids.etag(now), now.toEpochMilli(), by);
    commit(id, updated);
    return updated;
  }

  /**
   * Deletes it; an {@code If-Match}, when given, must name its etag. The caller checks, under the
   * same lock, that nothing still uses it (see {@link ResourceStore#deleteBaseConnection}).
   */
  void delete(Scope scope, String id, Optional<String> ifMatch) {
    synchronized (persistence) {
      EmulatedConnection current = get(scope, id).orElseThrow(() -> Errors.notFound(id));
      if (ifMatch.isPresent() && !Etags.matches(ifMatch.get(), current.etag())) {
        throw Errors.versionMismatch(ifMatch.get(), current.etag());
      }
      commit(id, null);
    }
  }

  /** Removes a connection whatever its org and sandbox, as if deleted outside flowform. */
  boolean remove(String id) {
    synchronized (persistence) {
      if (!byId.containsKey(id)) {
        return false;
      }
      commit(id, null);
      return true;
    }
  }

  private void commit(String id, EmulatedConnection next) {
    EmulatedConnection previous = next == null ? byId.remove(id) : byId.put(id, next);
    try {
      persistence.saveConnections(byId.values());
    } catch (UncheckedIOException e) {
      if (previous == null) {
        byId.remove(id);
      } else {
        byId.put(id, previous);
      }
      throw Errors.internal();
    }
  }
}
