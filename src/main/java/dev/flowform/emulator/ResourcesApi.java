package dev.flowform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The calls of one Flow Service collection of pipeline resources ({@code /sourceConnections},
 * {@code /targetConnections}, {@code /flows}), as {@link ConnectionsApi} serves {@code
 * /connections}: the same faults around each call, the same paging and {@code property} filters (on
 * the collection's {@link KindRules#filterFields()}; a quoted value, {@code name=="a"}, reads as
 * {@code name==a}), the same search lag, and {@code {"items": [...]}} answers. A list answer always
 * holds {@code _links} (aepp reads it unchecked).
 */
final class ResourcesApi {
  private final KindRules rules;
  private final ResourceStore store;
  private final ResourceDocument documents;
  private final FaultInjector faults;
  private final ObjectMapper mapper;
  private final Ids ids;
  private final int pageSize;
  private final int maxPageSize;
  private final Clock clock;
  private final Duration searchLag;
  private final String basePath;

  ResourcesApi(
      KindRules rules,
      ResourceStore store,
      ResourceDocument documents,
      FaultInjector faults,
      ObjectMapper mapper,
      Ids ids,
      EmulatorConfig config,
      String basePath) {
    this.rules = rules;
    this.store = store;
    this.documents = documents;
    this.faults = faults;
    this.mapper = mapper;
    this.ids = ids;
    this.pageSize = config.pageSize();
    this.maxPageSize = config.maxPageSize();
    this.clock = config.clock();
    this.searchLag = config.faults().searchLag();
    this.basePath = basePath;
  }

  ResourceKind kind() {
    return rules.kind();
  }

  void create(HttpCall call, Caller caller) {
    Optional<FaultKind> fault = faults.next(Operation.CREATE);
    faults.beforeLanding(fault, call);
    JsonNode request = call.jsonBody();
    EmulatedResource created =
        store.create(
            caller.scope(),
            rules.kind(),
            ids::uuid,
            lookup -> rules.check(request, lookup),
            "enabled",
            caller.clientId());
    if (!faults.afterLanding(fault, call)) {
      call.sendJson(
          201,
          documents.idAndEtag(created),
          Map.of("Location", basePath + "/" + kind().collection() + "/" + created.id()));
    }
  }

  void read(HttpCall call, Caller caller, String id) {
    Optional<FaultKind> fault = faults.next(Operation.READ);
    faults.beforeLanding(fault, call);
    EmulatedResource resource =
        store.get(caller.scope(), kind(), id).orElseThrow(() -> Errors.notFound(id));
    if (!faults.afterLanding(fault, call)) {
      ObjectNode body = mapper.createObjectNode();
      body.putArray("items").add(documents.item(resource));
      call.sendJson(200, body);
    }
  }

  void list(HttpCall call, Caller caller) {
    Optional<FaultKind> fault = faults.next(Operation.LIST);
    faults.beforeLanding(fault, call);
    ListQuery query =
        ListQuery.parse(
            unquoted(call.query()), rules.filterFields(), pageSize, maxPageSize, mapper);
    List<ListedItem> listed =
        searchable(caller.scope()).stream()
            .map(r -> new ListedItem(r.sequence(), documents.item(r)))
            .toList();
    ObjectNode body = mapper.createObjectNode();
    if (query.count()) {
      body.put("count", query.matching(listed, ListedItem.VIEW).size());
    } else {
      ListQuery.Page<ListedItem> page = query.page(listed, ListedItem.VIEW, mapper);
      ArrayNode items = body.putArray("items");
      page.items().forEach(listedItem -> items.add(listedItem.item()));
      ObjectNode links = body.putObject("_links");
      page.nextToken()
          .ifPresent(
              token ->
                  links
                      .putObject("next")
                      .put("href", "/" + kind().collection() + "?continuationToken=" + token));
    }
    if (!faults.afterLanding(fault, call)) {
      call.sendJson(200, body);
    }
  }

  void update(HttpCall call, Caller caller, String id) {
    Optional<FaultKind> fault = faults.next(Operation.UPDATE);
    faults.beforeLanding(fault, call);
    String ifMatch = call.header("If-Match").orElseThrow(Errors::ifMatchMissing);
    JsonNode patch = call.jsonBody();
    EmulatedResource updated =
        store.update(
            caller.scope(),
            kind(),
            id,
            Optional.of(ifMatch),
            (current, lookup) ->
                new ResourceStore.Edit(rules.patch(current, patch, lookup), current.state(), false),
            caller.clientId());
    if (!faults.afterLanding(fault, call)) {
      call.sendJson(200, documents.idAndEtag(updated));
    }
  }

  void delete(HttpCall call, Caller caller, String id) {
    Optional<FaultKind> fault = faults.next(Operation.DELETE);
    faults.beforeLanding(fault, call);
    store.delete(caller.scope(), kind(), id, call.header("If-Match"));
    if (!faults.afterLanding(fault, call)) {
      call.sendEmpty(204);
    }
  }

  /** The resources a list sees: all of the scope's but those the search lag still hides. */
  private List<EmulatedResource> searchable(Scope scope) {
    List<EmulatedResource> all = store.list(scope, kind());
    if (searchLag.isZero()) {
      return all;
    }
    long seenUntil = clock.millis() - searchLag.toMillis();
    return all.stream().filter(r -> r.createdAt() <= seenUntil).toList();
  }

  private static Map<String, List<String>> unquoted(Map<String, List<String>> query) {
    Map<String, List<String>> copy = new LinkedHashMap<>(query);
    copy.computeIfPresent(
        "property", (k, filters) -> filters.stream().map(PropertyFilter::unquoted).toList());
    return copy;
  }
}
