package dev.flowform.refresh;

import dev.flowform.flowservice.FlowServiceApi;
import dev.flowform.flowservice.UnreachableException;
import dev.flowform.model.ConnectionSpecRef;
import dev.flowform.model.RemoteConnection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The HubSpot connections of each name asked for, read the quicker way (see {@link ReadChoice}):
 * either the whole sandbox's HubSpot connections in one paged list, or reads filtered by name,
 * several names each ({@link NameBatches}), in parallel. Both ways give the same answer: for every
 * name asked, the connections of exactly that name and spec, once each by id (an empty list when
 * there is none).
 */
final class NameIndex {
  private static final String SPEC = ConnectionSpecRef.HUBSPOT_ID;

  private NameIndex() {}

  /** Errors go to {@code errors}; the names whose read failed are absent from the answer. */
  static Map<String, List<RemoteConnection>> read(
      Set<String> names, FlowServiceApi api, int parallelism, ReadErrors errors) {
    if (names.isEmpty()) {
      return Map.of();
    }
    NameBatches batches = NameBatches.of(names, api.listPageSize());
    long rounds = ReadChoice.rounds(batches.reads(), parallelism);
    ReadChoice choice = ReadChoice.of(rounds, countIfWorthIt(rounds, api), api.listPageSize());
    if (choice == ReadChoice.LIST) {
      try {
        return fromList(names, api.listBySpec(SPEC));
      } catch (RuntimeException e) {
        errors.add("the list of HubSpot connections", e);
        return Map.of();
      }
    }
    Map<String, List<RemoteConnection>> named = new HashMap<>();
    List<Read<List<RemoteConnection>>> reads =
        BoundedParallel.map(
            List.copyOf(batches.byKey().keySet()),
            key -> byNames(batches.byKey().get(key), api),
            parallelism);
    errors.addAll(reads, "name");
    for (Read<List<RemoteConnection>> read : reads) {
      read.value()
          .ifPresent(
              found -> batches.byKey().get(read.key()).forEach(n -> named.put(n, exact(n, found))));
    }
    return named;
  }

  /** One read: by its one name, or by several at once. */
  private static List<RemoteConnection> byNames(List<String> names, FlowServiceApi api) {
    return names.size() == 1 ? api.findByName(names.get(0)) : api.findByNames(names);
  }

  /**
   * The sandbox's count of HubSpot connections, when reads by name would take enough round trips
   * for a list to be worth asking about. A platform that cannot count is read by name; one that
   * cannot be reached ends the refresh.
   */
  private static OptionalLong countIfWorthIt(long rounds, FlowServiceApi api) {
    if (rounds < ReadChoice.WORTH_COUNTING) {
      return OptionalLong.empty();
    }
    try {
      return api.countBySpec(SPEC);
    } catch (UnreachableException e) {
      throw e;
    } catch (RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  private static Map<String, List<RemoteConnection>> fromList(
      Set<String> names, List<RemoteConnection> all) {
    Map<String, List<RemoteConnection>> named = new HashMap<>();
    names.forEach(name -> named.put(name, new ArrayList<>()));
    Map<String, RemoteConnection> byId = new LinkedHashMap<>();
    all.forEach(r -> byId.putIfAbsent(r.id(), r));
    for (RemoteConnection r : byId.values()) {
      List<RemoteConnection> sameName = named.get(r.name());
      if (sameName != null && ofSpec(r)) {
        sameName.add(r);
      }
    }
    named.replaceAll((name, list) -> List.copyOf(list));
    return named;
  }

  /** Exactly this name and spec, once each by id, whatever the server matched. */
  private static List<RemoteConnection> exact(String name, List<RemoteConnection> found) {
    Map<String, RemoteConnection> byId = new LinkedHashMap<>();
    for (RemoteConnection r : found) {
      if (r.id() != null && name.equals(r.name()) && ofSpec(r)) {
        byId.putIfAbsent(r.id(), r);
      }
    }
    return List.copyOf(byId.values());
  }

  private static boolean ofSpec(RemoteConnection r) {
    return r.connectionSpec() != null && SPEC.equalsIgnoreCase(r.connectionSpec().id());
  }
}
