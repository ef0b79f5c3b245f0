package dev.flowform.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /runs}: the synthetic {@link Runs} of the sandbox's flows, {@code {"items": [...],
 * "_links": {}}}, the most recent first. {@code property} filters on {@code flowId} (like {@code
 * flowId==ID}, the usual call) or {@code id}; {@code count=true} counts; {@code limit} cuts the
 * list (up to the max page size). There are no further pages: each flow shows its latest {@value
 * Runs#SHOWN} runs only.
 */
final class RunsApi {
  private static final Set<String> FIELDS = Set.of("flowId", "id");

  private final ResourceStore store;
  private final Runs runs;
  private final ObjectMapper mapper;
  private final int pageSize;
  private final int maxPageSize;

  RunsApi(ResourceStore store, Runs runs, ObjectMapper mapper, EmulatorConfig config) {
    this.store = store;
    this.runs = runs;
    this.mapper = mapper;
    this.pageSize = config.pageSize();
    this.maxPageSize = config.maxPageSize();
  }

  void list(HttpCall call, Caller caller) {
    Map<String, List<String>> query = call.query();
    List<PropertyFilter> filters =
        query.getOrDefault("property", List.of()).stream()
            .map(p -> PropertyFilter.parse(PropertyFilter.unquoted(p), FIELDS))
            .toList();
    ListQuery paging = ListQuery.parse(Map.of(), Set.of(), pageSize, maxPageSize, mapper);
    ListQuery asked =
        ListQuery.parse(
            Map.of(
                "limit", query.getOrDefault("limit", List.of()),
                "count", query.getOrDefault("count", List.of())),
            Set.of(),
            paging.limit(),
            maxPageSize,
            mapper);
    List<ObjectNode> matching =
        store.list(caller.scope(), ResourceKind.FLOW).stream()
            .flatMap(flow -> runs.of(flow).stream())
            .filter(run -> filters.stream().allMatch(f -> f.matches(k -> run.path(k).asText(null))))
            .sorted(
                Comparator.comparingLong((ObjectNode run) -> run.get("createdAt").asLong())
                    .reversed())
            .toList();
    ObjectNode body = mapper.createObjectNode();
    if (asked.count()) {
      body.put("count", matching.size());
    } else {
      ArrayNode items = body.putArray("items");
      matching.stream().limit(asked.limit()).forEach(items::add);
      body.putObject("_links");
    }
    call.sendJson(200, body);
  }
}
