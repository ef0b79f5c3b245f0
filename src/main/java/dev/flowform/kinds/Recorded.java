package dev.flowform.kinds;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** What state holds of a resource, for an update. */
public record Recorded(
    String id,
    String etag,
    SortedMap<String, String> attributes,
    SortedMap<String, String> outputs) {

  public Recorded {
    attributes = new TreeMap<>(attributes == null ? Map.of() : attributes);
    outputs = new TreeMap<>(outputs == null ? Map.of() : outputs);
  }
}
