package dev.flowform.manifest;

import dev.flowform.diag.SourcePosition;
import java.util.Set;

/**
 * One manifest naming another: {@code baseConnection: hubspot-main}. A reference is data, resolved
 * by the graph, never by the kinds themselves.
 *
 * @param field the attribute it fills ({@code /baseConnectionId}), where the referenced id goes
 * @param name what was written: the other manifest's {@code metadata.name}
 * @param kinds the kinds it may name
 * @param position where it was written
 * @param replaceOnly true when the resource must be replaced (not updated) once the referenced one
 *     is another resource, or the same one with a new id
 * @param followsUpdates true when an update of the referenced resource (a mapping set's new
 *     version) must be passed on to this one
 * @param address the address of the resource it names, once the graph resolved it; else null
 */
public record ResourceReference(
    String field,
    String name,
    Set<String> kinds,
    SourcePosition position,
    boolean replaceOnly,
    boolean followsUpdates,
    String address) {

  public ResourceReference {
    kinds = Set.copyOf(kinds);
  }

  /** A reference not resolved yet. */
  public static ResourceReference to(
      String field, String name, Set<String> kinds, SourcePosition position, boolean replaceOnly) {
    return new ResourceReference(field, name, kinds, position, replaceOnly, false, null);
  }

  /** A reference that follows the updates of what it names (not resolved yet). */
  public static ResourceReference following(
      String field, String name, Set<String> kinds, SourcePosition position) {
    return new ResourceReference(field, name, kinds, position, false, true, null);
  }

  /** This reference, resolved to {@code resolved}. */
  public ResourceReference resolvedTo(String resolved) {
    return new ResourceReference(
        field, name, kinds, position, replaceOnly, followsUpdates, resolved);
  }
}
