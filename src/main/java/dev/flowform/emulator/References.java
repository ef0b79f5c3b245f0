package dev.flowform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Which ids a stored resource names: what keeps another one from being deleted. */
final class References {
  private References() {}

  /** Whether {@code user} names the base connection {@code id}. */
  static boolean usesBaseConnection(EmulatedResource user, String id, ObjectMapper mapper) {
    return user.kind() == ResourceKind.SOURCE_CONNECTION
        && id.equals(user.json(mapper).path("baseConnectionId").asText(null));
  }

  /** Whether {@code user} names the resource {@code kind} {@code id}. */
  static boolean uses(EmulatedResource user, ResourceKind kind, String id, ObjectMapper mapper) {
    if (user.kind() != ResourceKind.FLOW) {
      return false;
    }
    JsonNode flow = user.json(mapper);
    return switch (kind) {
      case SOURCE_CONNECTION -> texts(flow.path("sourceConnectionIds")).contains(id);
      case TARGET_CONNECTION -> texts(flow.path("targetConnectionIds")).contains(id);
      case MAPPING_SET -> mappingIds(flow).contains(id);
      case FLOW -> false;
    };
  }

  /** The mapping set ids a flow's transformations name. */
  static List<String> mappingIds(JsonNode flow) {
    List<String> ids = new ArrayList<>();
    flow.path("transformations").forEach(t -> mappingId(t).ifPresent(ids::add));
    return ids;
  }

  /** A transformation's {@code params.mappingId}, if it has one. */
  static Optional<String> mappingId(JsonNode transformation) {
    JsonNode id = transformation.path("params").path("mappingId");
    return id.isTextual() && !id.textValue().isBlank()
        ? Optional.of(id.textValue())
        : Optional.empty();
  }

  static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }
}
