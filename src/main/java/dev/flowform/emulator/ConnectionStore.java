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
 * The connections of every org and sandbox. Each change is made under one lock and, with a data
 * file, persisted before it is answered; a change that cannot be persisted is undone.
 */
final class ConnectionStore {
  private final Map<String, EmulatedConnection> byId = new LinkedHashMap<>();
  private final Optional<DataFile> file;
  private final Ids ids;
  private final Clock clock;
  private final String salt;
  private long nextSequence;

  ConnectionStore(Optional<DataFile> file, Ids ids, Clock clock) {
    this.file = file;
    this.ids = ids;
    this.clock = clock;
    Optional<DataFile.Contents> loaded = file.flatMap(DataFile::load);
    this.salt = loaded.map(DataFile.Contents::salt).orElseGet(ids::uuid);
    loaded.ifPresent(contents -> contents.connections().forEach(c -> byId.put(c.id(), c)));
    this.nextSequence =
        byId.values().stream().mapToLong(EmulatedConnection::sequence).max().orElse(0) + 1;
  }

  synchronized EmulatedConnection create(Scope scope, NewConnection request, String client) {
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

  synchronized Optional<EmulatedConnection> get(Scope scope, String id) {
    return Optional.ofNullable(byId.get(id)).filter(c -> c.in(scope));
  }

  /** The connections of one org and sandbox, in creation order. */
  synchronized List<EmulatedConnection> list(Scope scope) {
    return byId.values().stream().filter(c -> c.in(scope)).toList();
  }

  /** Every connection, in creation order. */
  synchronized List<EmulatedConnection> all() {
    return List.copyOf(byId.values());
  }

  /**
   * Applies {@code change} to the connection if {@code ifMatch} names its etag, then gives it a new
   * etag.
   */
  synchronized EmulatedConnection update(
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

  /** Deletes it; an {@code If-Match}, when given, must name its etag. */
  synchronized void delete(Scope scope, String id, Optional<String> ifMatch) {
    EmulatedConnection current = get(scope, id).orElseThrow(() -> Errors.notFound(id));
    if (ifMatch.isPresent() && !Etags.matches(ifMatch.get(), current.etag())) {
      throw Errors.versionMismatch(ifMatch.get(), current.etag());
    }
    commit(id, null);
  }

  /** Removes a connection whatever its org and sandbox, as if deleted outside flowform. */
  synchronized boolean remove(String id) {
    if (!byId.containsKey(id)) {
      return false;
    }
    commit(id, null);
    return true;
  }

  private void commit(String id, EmulatedConnection next) {
    EmulatedConnection previous = next == null ? byId.remove(id) : byId.put(id, next);
    try {
      file.ifPresent(f -> f.save(salt, byId.values()));
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
