package dev.flowform.flowservice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowform.catalog.ParamTypes;
import dev.flowform.model.ConnectionSpecRef;
import dev.flowform.model.RemoteConnection;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The JSON of the connections API: request bodies out, connection items in. */
final class ConnectionJson {
  private final ObjectMapper json;

  ConnectionJson(ObjectMapper json) {
    this.json = json;
  }

  /** {@code {name, description?, auth:{specName, params}, connectionSpec:{id, version?}}}. */
  byte[] createBody(ConnectionRequest request) {
    ObjectNode body = json.createObjectNode();
    body.put("name", request.name());
    if (request.description() != null) {
      body.put("description", request.description());
    }
    ObjectNode auth = body.putObject("auth");
    auth.put("specName", request.authSpecName());
    ObjectNode params = auth.putObject("params");
    new TreeMap<>(request.params())
        .forEach(
            (key, text) -> params.set(key, ParamTypes.sent(text, request.paramTypes().get(key))));
    ObjectNode spec = body.putObject("connectionSpec");
    spec.put("id", request.connectionSpec().id());
    if (request.connectionSpec().version() != null) {
      spec.put("version", request.connectionSpec().version());
    }
    return bytes(body);
  }

  byte[] patchBody(List<PatchOperation> operations) {
    return bytes(json.valueToTree(operations));
  }

  /** A connection item of a GET answer. Params come back as strings, masked ones as returned. */
  RemoteConnection connection(JsonNode item) {
    JsonNode spec = item.path("connectionSpec");
    JsonNode auth = item.path("auth");
    Map<String, String> params = new LinkedHashMap<>();
    auth.path("params")
        .properties()
        .forEach(
            p -> {
              JsonNode value = p.getValue();
              if (!value.isNull()) {
                params.put(p.getKey(), value.isValueNode() ? value.asText() : value.toString());
              }
            });
    String etag = text(item, "etag");
    return new RemoteConnection(
        text(item, "id"),
        etag != null ? etag : text(item, "version"),
        text(item, "name"),
        text(item, "description"),
        spec.isObject() ? new ConnectionSpecRef(text(spec, "id"), text(spec, "version")) : null,
        text(item, "state"),
        text(auth, "specName"),
        params,
        createdAt(item.get("createdAt")));
  }

  /** {@code createdAt} in epoch milliseconds (as the Flow Service sends it) or ISO-8601 text. */
  private static Instant createdAt(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.canConvertToLong()) {
      return Instant.ofEpochMilli(value.asLong());
    }
    try {
      return Instant.parse(value.asText());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
  }

  private byte[] bytes(JsonNode node) {
    try {
      return json.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
