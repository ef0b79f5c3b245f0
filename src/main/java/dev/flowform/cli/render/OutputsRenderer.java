package dev.flowform.cli.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowform.plan.PlanJson;
import dev.flowform.state.ResourceState;
import dev.flowform.state.State;
import java.util.Locale;
import java.util.Optional;

/**
 * What state holds, for scripts that feed connection ids onward (source connections, dataflows):
 * {@code state list --output json} and {@code flowform output}. Described by {@code
 * schemas/output.schema.json}. Never a secret: ids, etags, names and the sandbox only.
 */
public final class OutputsRenderer {
  public static final String FORMAT_VERSION = "1";
  private final ObjectMapper mapper = new ObjectMapper();

  /** Every address: {@code {"formatVersion", "environment", "sandbox", "connections": {...}}}. */
  public String json(String environment, Optional<State> state) {
    ObjectNode root = mapper.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("environment", environment);
    root.put("sandbox", state.map(State::sandbox).orElse(null));
    ObjectNode connections = root.putObject("connections");
    state.ifPresent(
        s -> s.resources().forEach((address, r) -> connections.set(address, entry(s, r))));
    return write(root);
  }

  /** One address: {@code {"address", "id", "etag", "name", "sandbox", "status"}}. */
  public String json(State state, String address) {
    ObjectNode node = mapper.createObjectNode();
    node.put("address", address);
    node.setAll(entry(state, state.resource(address).orElseThrow()));
    return write(node);
  }

  /** One line per address: address, status, id, name. */
  public String text(State state) {
    StringBuilder out = new StringBuilder();
    state
        .resources()
        .forEach(
            (address, r) ->
                out.append(
                    String.format(
                        "%-40s %-8s %-36s %s%n",
                        address,
                        status(r),
                        r.id() == null ? "-" : r.id(),
                        r.name() == null ? "" : Attributes.quote(r.name()))));
    return out.toString();
  }

  private ObjectNode entry(State state, ResourceState r) {
    ObjectNode node = mapper.createObjectNode();
    node.put("id", r.id());
    node.put("etag", r.etag());
    node.put("name", r.name());
    node.put("sandbox", state.sandbox());
    node.put("status", status(r));
    return node;
  }

  private static String status(ResourceState r) {
    return r.status().name().toLowerCase(Locale.ROOT);
  }

  private String write(ObjectNode node) {
    try {
      return PlanJson.writer(mapper).writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always serializes", e);
    }
  }
}
