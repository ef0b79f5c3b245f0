package dev.flowform.apply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowform.flowservice.Collection;
import dev.flowform.flowservice.PlatformResources;
import java.util.List;
import java.util.Optional;

/** The pipeline calls through the apply's {@link RequestSlots}, as the connection calls go. */
final class LimitedResources implements PlatformResources {
  private final PlatformResources platform;
  private final RequestSlots slots;

  LimitedResources(PlatformResources platform, RequestSlots slots) {
    this.platform = platform;
    this.slots = slots;
  }

  @Override
  public JsonNode create(Collection collection, JsonNode body, Runnable beforeEachSend) {
    return slots.call(() -> platform.create(collection, body, beforeEachSend));
  }

  @Override
  public Optional<JsonNode> get(Collection collection, String id) {
    return slots.call(() -> platform.get(collection, id));
  }

  @Override
  public List<JsonNode> list(Collection collection, String property) {
    return slots.call(() -> platform.list(collection, property));
  }

  @Override
  public String patch(Collection collection, String id, String etag, JsonNode operations) {
    return slots.call(() -> platform.patch(collection, id, etag, operations));
  }

  @Override
  public JsonNode put(Collection collection, String id, JsonNode body) {
    return slots.call(() -> platform.put(collection, id, body));
  }

  @Override
  public JsonNode action(Collection collection, String id, String op) {
    return slots.call(() -> platform.action(collection, id, op));
  }

  @Override
  public void delete(Collection collection, String id) {
    slots.call(
        () -> {
          platform.delete(collection, id);
          return null;
        });
  }
}
