package dev.flowform.testing;

import dev.flowform.flowservice.ConnectionRequest;
import dev.flowform.flowservice.CreatedConnection;
import dev.flowform.flowservice.FlowServiceApi;
import dev.flowform.flowservice.FlowServiceException;
import dev.flowform.flowservice.PatchOperation;
import dev.flowform.flowservice.UnknownOutcomeException;
import dev.flowform.model.ConnectionSpecRef;
import dev.flowform.model.RemoteConnection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An in-memory Flow Service for applier tests: thread-safe, counts its calls, and fails on cue.
 * Every method is synchronized; calls are short, so that costs nothing here.
 */
public final class FakeFlowService implements FlowServiceApi {

  /** What the next create does. */
  public enum CreateFault {
    NONE,
    /** Creates the connection, then throws {@link UnknownOutcomeException} (answer lost). */
    LAND_THEN_UNKNOWN,
    /** Throws {@link UnknownOutcomeException} without creating anything. */
    UNKNOWN_NOT_LANDED,
    /** Throws a 429 {@link FlowServiceException} without creating anything. */
    THROTTLE
  }

  private final Map<String, RemoteConnection> connections = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> receivedParams = new HashMap<>();
  private final Deque<CreateFault> scripted = new ArrayDeque<>();
  private final Map<String, Deque<FlowServiceException>> failures = new HashMap<>();
  private final Set<String> usedByFlows = new HashSet<>();
  private final Map<String, Integer> calls = new HashMap<>();
  private final List<PatchCall> patches = new ArrayList<>();
  private Random random;
  private double landThenUnknownRate;
  private double throttleRate;
  private Consumer<ConnectionRequest> onCreate = request -> {};
  private int nextId;
  private int listPageSize = 100;
  private int searchLag;
  private final Map<String, Integer> hidden = new HashMap<>();

  public record PatchCall(String id, String ifMatch, List<PatchOperation> operations) {}

  public synchronized void script(CreateFault... faults) {
    scripted.addAll(List.of(faults));
  }

  /** Random faults on every create not scripted, from a seeded generator. */
  public synchronized void randomFaults(long seed, double landThenUnknown, double throttle) {
    this.random = new Random(seed);
    this.landThenUnknownRate = landThenUnknown;
    this.throttleRate = throttle;
  }

  /**
   * The next call of {@code operation} (create, get, findByName, countBySpec, listBySpec, update,
   * delete) throws.
   */
  public synchronized void failNext(String operation, FlowServiceException error) {
    failures.computeIfAbsent(operation, k -> new ArrayDeque<>()).add(error);
  }

  /** Called with each create request before it is handled, on the calling thread. */
  public synchronized void onCreate(Consumer<ConnectionRequest> observer) {
    this.onCreate = observer;
  }

  public synchronized void markUsedByFlows(String id) {
    usedByFlows.add(id);
  }

  /**
   * A lagging search: each connection created from now on is missing from the answers of the next
   * {@code lookups} name lookups (reading it by id sees it at once).
   */
  public synchronized void hideNewFromSearch(int lookups) {
    this.searchLag = lookups;
  }

  /** A connection made by someone else (or an earlier run); returns its id. */
  public synchronized String seed(String name) {
    String id = newId();
    connections.put(
        id,
        new RemoteConnection(
            id,
            etag(id, 0),
            name,
            null,
            ConnectionSpecRef.HUBSPOT,
            "enabled",
            "Basic Authentication",
            Map.of("clientId", "someone-else")));
    return id;
  }

  /** The fake answers at once: a create sent has landed or never will. */
  @Override
  public java.time.Duration createTimeout() {
    return java.time.Duration.ZERO;
  }

  @Override
  public CreatedConnection create(ConnectionRequest request) {
    Consumer<ConnectionRequest> observer;
    synchronized (this) {
      count("create");
      observer = onCreate;
    }
    observer.accept(request);
    synchronized (this) {
      throwIfScripted("create");
      CreateFault fault = nextFault();
      if (fault == CreateFault.THROTTLE) {
        throw throttled();
      }
      if (fault == CreateFault.UNKNOWN_NOT_LANDED) {
        throw FlowServiceException.builder(504, "Gateway timeout")
            .code("1104-504")
            .requestId("req")
            .unknownOutcome();
      }
      String id = newId();
      RemoteConnection created =
          new RemoteConnection(
              id,
              etag(id, 0),
              request.name(),
              request.description(),
              request.connectionSpec(),
              "enabled",
              request.authSpecName(),
              Map.of("clientId", request.params().getOrDefault("clientId", "")));
      connections.put(id, created);
      receivedParams.put(id, request.params());
      if (searchLag > 0) {
        hidden.put(id, searchLag);
      }
      if (fault == CreateFault.LAND_THEN_UNKNOWN) {
        throw FlowServiceException.builder(0, "read timed out").unknownOutcome();
      }
      return new CreatedConnection(id, created.etag());
    }
  }

  @Override
  public synchronized Optional<RemoteConnection> get(String id) {
    count("get");
    throwIfScripted("get");
    return Optional.ofNullable(connections.get(id));
  }

  @Override
  public synchronized List<RemoteConnection> findByName(String name) {
    count("findByName");
    throwIfScripted("findByName");
    List<RemoteConnection> found =
        connections.values().stream()
            .filter(c -> c.name().equals(name) && !hidden.containsKey(c.id()))
            .toList();
    hidden.replaceAll((id, left) -> left - 1);
    hidden.values().removeIf(left -> left <= 0);
    return found;
  }

  @Override
  public synchronized List<RemoteConnection> findByNames(List<String> names) {
    count("findByNames");
    throwIfScripted("findByNames");
    Set<String> wanted = Set.copyOf(names);
    List<RemoteConnection> found =
        connections.values().stream()
            .filter(c -> wanted.contains(c.name()) && !hidden.containsKey(c.id()))
            .toList();
    hidden.replaceAll((id, left) -> left - 1);
    hidden.values().removeIf(left -> left <= 0);
    return found;
  }

  @Override
  public synchronized OptionalLong countBySpec(String specId) {
    count("countBySpec");
    throwIfScripted("countBySpec");
    return OptionalLong.of(ofSpec(specId).size());
  }

  @Override
  public synchronized List<RemoteConnection> listBySpec(String specId) {
    count("listBySpec");
    throwIfScripted("listBySpec");
    return ofSpec(specId);
  }

  @Override
  public synchronized int listPageSize() {
    return listPageSize;
  }

  /** The page size a list of the sandbox would be read with (by default 100). */
  public synchronized void listPageSize(int size) {
    this.listPageSize = size;
  }

  private List<RemoteConnection> ofSpec(String specId) {
    return connections.values().stream()
        .filter(c -> c.connectionSpec() != null && specId.equals(c.connectionSpec().id()))
        .toList();
  }

  @Override
  public synchronized String update(String id, String etag, List<PatchOperation> operations) {
    count("update");
    throwIfScripted("update");
    patches.add(new PatchCall(id, etag, List.copyOf(operations)));
    RemoteConnection old = connections.get(id);
    if (old == null) {
      throw FlowServiceException.builder(404, "Resource not found")
          .code("1101-404")
          .requestId("req")
          .build();
    }
    if (!old.etag().equals(etag)) {
      throw FlowServiceException.builder(412, "Version not matching")
          .code("1404-412")
          .requestId("req")
          .build();
    }
    RemoteConnection next = FakePatch.apply(old, operations, etag(id, patches.size()));
    connections.put(id, next);
    return next.etag();
  }

  @Override
  public synchronized void delete(String id) {
    count("delete");
    throwIfScripted("delete");
    if (usedByFlows.contains(id)) {
      throw FlowServiceException.builder(400, "Connection is used by flows")
          .code("1418-400")
          .requestId("req")
          .build();
    }
    connections.remove(id);
  }

  public synchronized int calls(String operation) {
    return calls.getOrDefault(operation, 0);
  }

  public synchronized List<RemoteConnection> connections() {
    return List.copyOf(connections.values());
  }

  public synchronized List<RemoteConnection> named(String name) {
    return findByNameQuietly(name);
  }

  public synchronized Optional<RemoteConnection> connection(String id) {
    return Optional.ofNullable(connections.get(id));
  }

  public synchronized List<PatchCall> patches() {
    return List.copyOf(patches);
  }

  public synchronized Map<String, String> paramsReceived(String id) {
    return receivedParams.get(id);
  }

  public static FlowServiceException throttled() {
    return FlowServiceException.builder(429, "Too Many Requests").requestId("req").build();
  }

  private List<RemoteConnection> findByNameQuietly(String name) {
    return connections.values().stream().filter(c -> c.name().equals(name)).toList();
  }

  private CreateFault nextFault() {
    if (!scripted.isEmpty()) {
      return scripted.poll();
    }
    if (random == null) {
      return CreateFault.NONE;
    }
    double roll = random.nextDouble();
    if (roll < throttleRate) {
      return CreateFault.THROTTLE;
    }
    return roll < throttleRate + landThenUnknownRate
        ? CreateFault.LAND_THEN_UNKNOWN
        : CreateFault.NONE;
  }

  private void throwIfScripted(String operation) {
    Deque<FlowServiceException> queue = failures.get(operation);
    if (queue != null && !queue.isEmpty()) {
      throw queue.poll();
    }
  }

  private void count(String operation) {
    calls.merge(operation, 1, Integer::sum);
  }

  private String newId() {
    nextId++;
    return String.format("00000000-0000-4000-8000-%012d", nextId);
  }

  private static String etag(String id, int version) {
    return "\"" + id.substring(id.length() - 4) + "-" + version + "\"";
  }
}
