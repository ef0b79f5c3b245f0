package dev.flowform.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The {@code /flowSpecs} calls: the list ({@code {"items": [...]}}, filtered by {@code property} on
 * {@link ConnectionSpecsApi#FIELDS}, like {@code name=="CRMToAEP"}) and one spec by id ({@code
 * {"items": [spec]}}). Specs belong to no org or sandbox.
 */
final class FlowSpecsApi {
  private final ObjectMapper mapper;

  FlowSpecsApi(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  void list(HttpCall call) {
    List<PropertyFilter> filters =
        call.query().getOrDefault("property", List.of()).stream()
            .map(
                expression ->
                    PropertyFilter.parse(
                        PropertyFilter.unquoted(expression), ConnectionSpecsApi.FIELDS))
            .toList();
    ObjectNode body = mapper.createObjectNode();
    ArrayNode items = body.putArray("items");
    for (FlowSpecs.FlowSpec spec : FlowSpecs.ALL) {
      ObjectNode item = FlowSpecs.item(spec, mapper);
      if (filters.stream().allMatch(f -> f.matches(field -> item.path(field).textValue()))) {
        items.add(item);
      }
    }
    call.sendJson(200, body);
  }

  void read(HttpCall call, String id) {
    FlowSpecs.FlowSpec spec = FlowSpecs.find(id).orElseThrow(() -> Errors.notFound(id));
    ObjectNode body = mapper.createObjectNode();
    body.putArray("items").add(FlowSpecs.item(spec, mapper));
    call.sendJson(200, body);
  }
}
