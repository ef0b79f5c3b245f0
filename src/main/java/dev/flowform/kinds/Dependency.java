package dev.flowform.kinds;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a referenced resource holds now, for the calls of the one that references it.
 *
 * @param kind its kind
 * @param id its id
 * @param outputs what the platform assigned it ({@code version}); for a connection, its connection
 *     spec as {@code connectionSpec.id} and {@code connectionSpec.version}
 * @param attributes its attributes as recorded
 */
public record Dependency(
    String kind,
    String id,
    SortedMap<String, String> outputs,
    SortedMap<String, String> attributes) {

  public Dependency {
    outputs = new TreeMap<>(outputs == null ? Map.of() : outputs);
    attributes = new TreeMap<>(attributes == null ? Map.of() : attributes);
  }

  public String output(String key) {
    return outputs.get(key);
  }
}
