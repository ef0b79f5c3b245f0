package dev.flowform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON Patch operations, in the lower case the platform documents. */
public final class Patches {
  private final ArrayNode operations = JsonNodeFactory.instance.arrayNode();

  /** {@code replace} of {@code path} (or {@code add} when it was absent) with {@code value}. */
  public Patches set(String path, JsonNode value, boolean existed) {
    ObjectNode op = operations.addObject();
    op.put("op", existed ? "replace" : "add");
    op.put("path", path);
    op.set("value", value);
    return this;
  }

  /** {@code remove} of {@code path}. */
  public Patches remove(String path) {
    ObjectNode op = operations.addObject();
    op.put("op", "remove");
    op.put("path", path);
    return this;
  }

  public boolean isEmpty() {
    return operations.isEmpty();
  }

  public ArrayNode operations() {
    return operations.deepCopy();
  }
}
