package dev.flowform.kinds;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** What a create or update left: the id, the new etag, and what the platform assigned. */
public record Written(String id, String etag, SortedMap<String, String> outputs) {

  public Written {
    outputs = new TreeMap<>(outputs == null ? Map.of() : outputs);
  }
}
