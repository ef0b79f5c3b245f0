package dev.flowform.model;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A pipeline resource as the platform shows it, in the flat shape state keeps.
 *
 * @param name its AEP name, or null for a kind without names
 * @param attributes by JSON pointer, as its kind reads them
 * @param references the id each reference field holds ({@code /baseConnectionId})
 * @param outputs what the platform assigned ({@code version}, {@code state})
 */
public record RemoteResource(
    String id,
    String etag,
    String name,
    SortedMap<String, String> attributes,
    SortedMap<String, String> references,
    SortedMap<String, String> outputs) {

  public RemoteResource {
    attributes = new TreeMap<>(attributes == null ? Map.of() : attributes);
    references = new TreeMap<>(references == null ? Map.of() : references);
    outputs = new TreeMap<>(outputs == null ? Map.of() : outputs);
  }
}
