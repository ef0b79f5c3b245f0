package dev.flowform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Between the flat attributes state and plans hold ({@code /scheduleParams/interval -> "1"}) and
 * the JSON bodies the platform takes. A kind says which attributes are numbers or booleans; the
 * rest are text.
 */
public final class FlatJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private FlatJson() {}

  /** The value the platform takes for {@code text} at a pointer. */
  public interface Typing {
    JsonNode value(String pointer, String text);
  }

  /** Every value as text. */
  public static final Typing TEXT = (pointer, text) -> NODES.textNode(text);

  /** A body holding every attribute at its pointer (numeric segments make lists). */
  public static ObjectNode body(Map<String, String> attributes, Typing typing) {
    ObjectNode root = NODES.objectNode();
    attributes.forEach((pointer, text) -> set(root, pointer, typing.value(pointer, text)));
    return root;
  }

  /** Sets {@code value} at {@code pointer}, making the mappings and lists on the way. */
  public static void set(ObjectNode root, String pointer, JsonNode value) {
    String[] parts = pointer.substring(1).split("/");
    JsonNode at = root;
    for (int i = 0; i < parts.length; i++) {
      boolean last = i == parts.length - 1;
      String part = parts[i].replace("~1", "/").replace("~0", "~");
      boolean nextIsIndex = !last && parts[i + 1].matches("[0-9]+");
      if (at instanceof ObjectNode object) {
        if (last) {
          object.set(part, value);
        } else {
          JsonNode child = object.get(part);
          if (child == null || child.isNull()) {
            child = nextIsIndex ? object.putArray(part) : object.putObject(part);
          }
          at = child;
        }
      } else if (at instanceof ArrayNode array) {
        int index = Integer.parseInt(part);
        while (array.size() <= index) {
          array.add(last ? NODES.nullNode() : nextIsIndex ? NODES.arrayNode() : NODES.objectNode());
        }
        if (last) {
          array.set(index, value);
        } else {
          at = array.get(index);
        }
      }
    }
  }

  /** The text at each of {@code pointers} in {@code node}; absent and null values are left out. */
  public static SortedMap<String, String> read(JsonNode node, Iterable<String> pointers) {
    SortedMap<String, String> out = new TreeMap<>();
    for (String pointer : pointers) {
      JsonNode value = node.at(pointer);
      if (!value.isMissingNode() && !value.isNull()) {
        out.put(pointer, value.isValueNode() ? value.asText() : value.toString());
      }
    }
    return out;
  }

  /** The text of a field, or null. */
  public static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
