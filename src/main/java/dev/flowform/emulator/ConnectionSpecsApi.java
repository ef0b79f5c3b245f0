package dev.flowform.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * The {@code /connectionSpecs} calls: the list ({@code {"items": [...]}}, filtered by {@code
 * property} like the connections list) and one spec by id. Specs belong to no org or sandbox.
 */
final class ConnectionSpecsApi {
  /** What a {@code GET /connectionSpecs} can filter on. */
  static final Set<String> FIELDS = Set.of("id", "name", "providerId", "version");

  private final ObjectMapper mapper;

  ConnectionSpecsApi(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  void list(HttpCall call) {
    List<PropertyFilter> filters =
        call.query().getOrDefault("property", List.of()).stream()
            .map(expression -> PropertyFilter.parse(expression, FIELDS))
            .toList();
    ObjectNode body = mapper.createObjectNode();
    ArrayNode items = body.putArray("items");
    for (ObjectNode spec : ConnectionSpecs.items(mapper)) {
      if (filters.stream().allMatch(f -> f.matches(field -> spec.path(field).textValue()))) {
        items.add(spec);
      }
    }
    call.sendJson(200, body);
  }

  void read(HttpCall call, String id) {
    ObjectNode body = mapper.createObjectNode();
    body.putArray("items")
        .add(ConnectionSpecs.item(id, mapper).orElseThrow(() -> Errors.notFound(id)));
    call.sendJson(200, body);
  }
}
