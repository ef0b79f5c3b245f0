package dev.flowform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code /connections} calls, with faults injected around each change, and lists that lag
 * behind creations when the faults ask for it.
 */
final class ConnectionsApi {
  private final ConnectionStore store;
  private final ResourceStore resources;
  private final FaultInjector faults;
  private final ObjectMapper mapper;
  private final int pageSize;
  private final int maxPageSize;
  private final Clock clock;
  private final Duration searchLag;
  private final String basePath;

  ConnectionsApi(
      ConnectionStore store,
      ResourceStore resources,
      FaultInjector faults,
      ObjectMapper mapper,
      EmulatorConfig config,
      String basePath) {
    this.store = store;
    this.resources = resources;
    this.faults = faults;
    this.mapper = mapper;
    this.pageSize = config.pageSize();
    this.maxPageSize = config.maxPageSize();
    this.clock = config.clock();
    this.searchLag = config.faults().searchLag();
    this.basePath = basePath;
  }

  void create(HttpCall call, Caller caller) {
    Optional<FaultKind> fault = faults.next(Operation.CREATE);
    faults.beforeLanding(fault, call);
    NewConnection request = CreateRequest.parse(call.jsonBody());
    EmulatedConnection created = store.create(caller.scope(), request, caller.clientId());
    if (!faults.afterLanding(fault, call)) {
      call.sendJson(
          201,
          ConnectionDocument.idAndEtag(created, mapper),
          Map.of("Location", basePath + "/connections/" + created.id()));
    }
  }

  void read(HttpCall call, Caller caller, String id) {
    Optional<FaultKind> fault = faults.next(Operation.READ);
    faults.beforeLanding(fault, call);
    EmulatedConnection connection =
        store.get(caller.scope(), id).orElseThrow(() -> Errors.notFound(id));
    if (!faults.afterLanding(fault, call)) {
      ObjectNode body = mapper.createObjectNode();
      body.putArray("items").add(ConnectionDocument.item(connection, mapper));
      call.sendJson(200, body);
    }
  }

  void list(HttpCall call, Caller caller) {
    Optional<FaultKind> fault = faults.next(Operation.LIST);
    faults.beforeLanding(fault, call);
    ListQuery query = ListQuery.parse(call.query(), pageSize, maxPageSize, mapper);
    ObjectNode body = mapper.createObjectNode();
    List<EmulatedConnection> listed = searchable(caller.scope());
    if (query.count()) {
      body.put("count", query.matching(listed).size());
    } else {
      ListQuery.Page<EmulatedConnection> page = query.page(listed, mapper);
      ArrayNode items = body.putArray("items");
      page.items().forEach(c -> items.add(ConnectionDocument.item(c, mapper)));
      page.nextToken()
          .ifPresent(
              token ->
                  body.putObject("_links")
                      .putObject("next")
                      .put("href", "/connections?continuationToken=" + token));
    }
    if (!faults.afterLanding(fault, call)) {
      call.sendJson(200, body);
    }
  }

  /**
   * {@code GET /connections/{id}/test}: {@code {"result": true}}. The emulator reaches no source;
   * every connection it holds has the params its auth spec requires, so each one passes.
   */
  void test(HttpCall call, Caller caller, String id) {
    store.get(caller.scope(), id).orElseThrow(() -> Errors.notFound(id));
    ObjectNode body = mapper.createObjectNode();
    body.put("result", true);
    call.sendJson(200, body);
  }

  /** The connections a list sees: all of the scope's but those the search lag still hides. */
  private List<EmulatedConnection> searchable(Scope scope) {
    List<EmulatedConnection> all = store.list(scope);
    if (searchLag.isZero()) {
      return all;
    }
    long seenUntil = clock.millis() - searchLag.toMillis();
    return all.stream().filter(c -> c.createdAt() <= seenUntil).toList();
  }

  void update(HttpCall call, Caller caller, String id) {
    Optional<FaultKind> fault = faults.next(Operation.UPDATE);
    faults.beforeLanding(fault, call);
    String ifMatch = call.header("If-Match").orElseThrow(Errors::ifMatchMissing);
    JsonNode patch = call.jsonBody();
    EmulatedConnection updated =
        store.update(
            caller.scope(), id, ifMatch, c -> JsonPatcher.apply(c, patch), caller.clientId());
    if (!faults.afterLanding(fault, call)) {
      call.sendJson(200, ConnectionDocument.idAndEtag(updated, mapper));
    }
  }

  /** Deletes it, unless a source connection still reads through it ({@code 1418-400}). */
  void delete(HttpCall call, Caller caller, String id) {
    Optional<FaultKind> fault = faults.next(Operation.DELETE);
    faults.beforeLanding(fault, call);
    resources.deleteBaseConnection(caller.scope(), id, call.header("If-Match"));
    if (!faults.afterLanding(fault, call)) {
      call.sendEmpty(204);
    }
  }
}
