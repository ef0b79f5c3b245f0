package dev.flowform.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The pipeline resources of every org and sandbox. Every change takes the lock of {@link
 * Persistence}, which the {@link ConnectionStore} takes too, so that a reference checked at a
 * create (a base connection, a source connection...) still exists when the create lands, and a
 * delete refused because something still uses the resource cannot race with that use.
 */
final class ResourceStore {
  /** The outcome of an update: the new body and state, and whether it makes a new version. */
  record Edit(ObjectNode body, String state, boolean newVersion) {}

  private final Map<String, EmulatedResource> byId = new LinkedHashMap<>();
  private final Persistence persistence;
  private final ConnectionStore connections;
  private final Ids ids;
  private final Clock clock;
  private final ObjectMapper mapper;
  private long nextSequence;

  ResourceStore(
      Persistence persistence,
      ConnectionStore connections,
      Ids ids,
      Clock clock,
      ObjectMapper mapper) {
    this.persistence = persistence;
    this.connections = connections;
    this.ids = ids;
    this.clock = clock;
    this.mapper = mapper;
    persistence.loadedResources().forEach(r -> byId.put(r.id(), r));
    this.nextSequence =
        byId.values().stream().mapToLong(EmulatedResource::sequence).max().orElse(0) + 1;
  }

  /**
   * Creates a resource whose body {@code check} gives, after checking it against what exists.
   *
   * @param newId the id of the new resource (a UUID, or a mapping set's 32 hex digits)
   */
  EmulatedResource create(
      Scope scope,
      ResourceKind kind,
      Supplier<String> newId,
      Function<Lookup, ObjectNode> check,
      String state,
      String client) {
    synchronized (persistence) {
      ObjectNode body = check.apply(new Lookup(scope, connections, this));
      String id = newId.get();
      while (byId.containsKey(id)) {
        id = newId.get();
      }
      Instant now = clock.instant();
      EmulatedResource created =
          new EmulatedResource(
              kind,
              id,
              scope.orgId(),
              scope.sandbox(),
              EmulatedResource.text(body, mapper),
              List.of(),
              state,
              ids.etag(now),
              now.toEpochMilli(),
              now.toEpochMilli(),
              client,
              client,
              nextSequence);
      commit(id, created);
      nextSequence++;
      return created;
    }
  }

  Optional<EmulatedResource> get(Scope scope, ResourceKind kind, String id) {
    synchronized (persistence) {
      return Optional.ofNullable(byId.get(id)).filter(r -> r.kind() == kind && r.in(scope));
    }
  }

  /** The resources of one kind in one org and sandbox, in creation order. */
  List<EmulatedResource> list(Scope scope, ResourceKind kind) {
    synchronized (persistence) {
      return byId.values().stream().filter(r -> r.kind() == kind && r.in(scope)).toList();
    }
  }

  /** Every resource, in creation order. */
  List<EmulatedResource> all() {
    synchronized (persistence) {
      return List.copyOf(byId.values());
    }
  }

  /**
   * Applies {@code edit} to the resource if {@code ifMatch}, when given, names its etag; the result
   * gets a new etag (and, for {@link Edit#newVersion()}, the next version).
   */
  EmulatedResource update(
      Scope scope,
      ResourceKind kind,
      String id,
      Optional<String> ifMatch,
      BiFunction<EmulatedResource, Lookup, Edit> edit,
      String client) {
    synchronized (persistence) {
      EmulatedResource current = existing(scope, kind, id, ifMatch);
      Edit change = edit.apply(current, new Lookup(scope, connections, this));
      Instant now = clock.instant();
      String body = EmulatedResource.text(change.body(), mapper);
      String etag = ids.etag(now);
      EmulatedResource updated =
          change.newVersion()
              ? current.nextVersion(body, etag, now.toEpochMilli(), client)
              : current.changed(body, change.state(), etag, now.toEpochMilli(), client);
      commit(id, updated);
      return updated;
    }
  }

  /**
   * Deletes it unless a live resource still names it ({@code 1447-400}); an {@code If-Match}, when
   * given, must name its etag.
   */
  void delete(Scope scope, ResourceKind kind, String id, Optional<String> ifMatch) {
    synchronized (persistence) {
      existing(scope, kind, id, ifMatch);
      List<String> users =
          byId.values().stream()
              .filter(r -> r.in(scope) && References.uses(r, kind, id, mapper))
              .map(EmulatedResource::id)
              .toList();
      if (!users.isEmpty()) {
        throw Errors.usedByFlows(id, users);
      }
      commit(id, null);
    }
  }

  /**
   * Deletes a base connection unless a source connection still reads through it ({@code 1418-400}).
   */
  void deleteBaseConnection(Scope scope, String id, Optional<String> ifMatch) {
    synchronized (persistence) {
      if (connections.get(scope, id).isPresent()) {
        List<String> users =
            byId.values().stream()
                .filter(r -> r.in(scope) && References.usesBaseConnection(r, id, mapper))
                .map(EmulatedResource::id)
                .toList();
        if (!users.isEmpty()) {
          throw Errors.usedBySourceConnections(id, users);
        }
      }
      connections.delete(scope, id, ifMatch);
    }
  }

  private EmulatedResource existing(
      Scope scope, ResourceKind kind, String id, Optional<String> ifMatch) {
    EmulatedResource current = get(scope, kind, id).orElseThrow(() -> Errors.notFound(id));
    if (ifMatch.isPresent() && !Etags.matches(ifMatch.get(), current.etag())) {
      throw Errors.versionMismatch(ifMatch.get(), current.etag());
    }
    return current;
  }

  private void commit(String id, EmulatedResource next) {
    EmulatedResource previous = next == null ? byId.remove(id) : byId.put(id, next);
    try {
      persistence.saveResources(byId.values());
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
