package dev.flowform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Data Prep's {@code /mappingSets}, in Data Prep's shapes (no {@code items} wrapper): {@code POST}
 * answers 200 {@code {id, version: 0, createdDate, modifiedDate, createdBy, modifiedBy}}; {@code
 * GET /mappingSets/{id}} the mapping set itself (its latest version, or {@code ?version=N}); {@code
 * GET /mappingSets} {@code {"data": [...], "_page": {...}}} paged by {@code limit} and {@code
 * start} (an offset) and filtered by {@code name}; {@code PUT} makes version n+1 of the same id and
 * answers it whole; {@code DELETE} answers 204, or {@code 1447-400} while a flow uses the mapping
 * set. Ids are 32 hex digits, as Data Prep's. Faults strike as on {@code /connections}. Error
 * bodies take the Flow Service's form (Data Prep's own is not described where the emulator's
 * references are).
 */
final class MappingSetsApi {
  private final MappingSetRules rules;
  private final ResourceStore store;
  private final FaultInjector faults;
  private final ObjectMapper mapper;
  private final Ids ids;
  private final int pageSize;
  private final int maxPageSize;

  MappingSetsApi(
      MappingSetRules rules,
      ResourceStore store,
      FaultInjector faults,
      ObjectMapper mapper,
      Ids ids,
      EmulatorConfig config) {
    this.rules = rules;
    this.store = store;
    this.faults = faults;
    this.mapper = mapper;
    this.ids = ids;
    this.pageSize = config.pageSize();
    this.maxPageSize = config.maxPageSize();
  }

  void create(HttpCall call, Caller caller) {
    Optional<FaultKind> fault = faults.next(Operation.CREATE);
    faults.beforeLanding(fault, call);
    JsonNode request = call.jsonBody();
    EmulatedResource created =
        store.create(
            caller.scope(),
            ResourceKind.MAPPING_SET,
            () -> ids.uuid().replace("-", ""),
            lookup -> rules.check(request),
            "active",
            caller.clientId());
    if (!faults.afterLanding(fault, call)) {
      call.sendJson(200, stamps(created, created.version()));
    }
  }

  void read(HttpCall call, Caller caller, String id) {
    Optional<FaultKind> fault = faults.next(Operation.READ);
    faults.beforeLanding(fault, call);
    EmulatedResource mappingSet = existing(caller, id);
    int version = version(call, mappingSet);
    if (!faults.afterLanding(fault, call)) {
      call.sendJson(200, document(mappingSet, version));
    }
  }

  void list(HttpCall call, Caller caller) {
    Optional<FaultKind> fault = faults.next(Operation.LIST);
    faults.beforeLanding(fault, call);
    Map<String, List<String>> query = call.query();
    int start = (int) Math.min(Integer.MAX_VALUE, whole(query, "start").orElse(0L));
    int limit =
        (int) Math.max(1, Math.min(maxPageSize, whole(query, "limit").orElse((long) pageSize)));
    Optional<String> name = first(query, "name");
    List<EmulatedResource> matching =
        store.list(caller.scope(), ResourceKind.MAPPING_SET).stream()
            .filter(m -> name.isEmpty() || name.get().equals(m.json(mapper).path("name").asText()))
            .toList();
    List<EmulatedResource> page =
        matching.subList(
            Math.min(start, matching.size()), Math.min(start + limit, matching.size()));
    ObjectNode body = mapper.createObjectNode();
    ArrayNode data = body.putArray("data");
    page.forEach(m -> data.add(document(m, m.version())));
    ObjectNode paging = body.putObject("_page");
    paging.put("count", page.size());
    paging.put("limit", limit);
    ObjectNode links = body.putObject("_links");
    if (start + page.size() < matching.size()) {
      links
          .putObject("next")
          .put("href", "/mappingSets?limit=" + limit + "&start=" + (start + page.size()));
    }
    if (!faults.afterLanding(fault, call)) {
      call.sendJson(200, body);
    }
  }

  void replace(HttpCall call, Caller caller, String id) {
    Optional<FaultKind> fault = faults.next(Operation.UPDATE);
    faults.beforeLanding(fault, call);
    JsonNode request = call.jsonBody();
    EmulatedResource updated =
        store.update(
            caller.scope(),
            ResourceKind.MAPPING_SET,
            id,
            Optional.empty(),
            (current, lookup) ->
                new ResourceStore.Edit(rules.check(request), current.state(), true),
            caller.clientId());
    if (!faults.afterLanding(fault, call)) {
      call.sendJson(200, document(updated, updated.version()));
    }
  }

  void delete(HttpCall call, Caller caller, String id) {
    Optional<FaultKind> fault = faults.next(Operation.DELETE);
    faults.beforeLanding(fault, call);
    store.delete(caller.scope(), ResourceKind.MAPPING_SET, id, Optional.empty());
    if (!faults.afterLanding(fault, call)) {
      call.sendEmpty(204);
    }
  }

  private EmulatedResource existing(Caller caller, String id) {
    return store
        .get(caller.scope(), ResourceKind.MAPPING_SET, id)
        .orElseThrow(() -> Errors.notFound(id));
  }

  /** The version a read asks for: {@code ?version=N}, else the latest; 404 when there is none. */
  private static int version(HttpCall call, EmulatedResource mappingSet) {
    Optional<Long> asked = whole(call.query(), "version");
    if (asked.isEmpty()) {
      return mappingSet.version();
    }
    if (asked.get() > mappingSet.version()) {
      throw Errors.notFound(mappingSet.id() + "' version '" + asked.get());
    }
    return asked.get().intValue();
  }

  private ObjectNode stamps(EmulatedResource m, int version) {
    ObjectNode body = mapper.createObjectNode();
    body.put("id", m.id());
    body.put("version", version);
    body.put("createdDate", m.createdAt());
    body.put("modifiedDate", m.updatedAt());
    body.put("createdBy", m.createdClient());
    body.put("modifiedBy", m.updatedClient());
    return body;
  }

  private ObjectNode document(EmulatedResource m, int version) {
    ObjectNode document = stamps(m, version);
    document.setAll(m.json(version, mapper));
    return document;
  }

  private static Optional<Long> whole(Map<String, List<String>> query, String name) {
    Optional<String> value = first(query, name);
    if (value.isPresent() && !value.get().trim().matches("[0-9]{1,9}")) {
      throw Errors.invalidRequest("The '" + name + "' must be a whole number of 0 or more.");
    }
    return value.map(v -> Long.parseLong(v.trim()));
  }

  private static Optional<String> first(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
