package dev.flowform.manifest;

import dev.flowform.diag.SourcePosition;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A resource of a pipeline kind as the manifests declare it for one environment, after
 * interpolation, in the one shape the graph, planner and state share: flat attributes keyed by a
 * JSON pointer into the platform's body, with plain text values.
 *
 * @param kind the manifest kind ({@code SourceConnection})
 * @param address the key in state: {@code <kind address prefix>.<metadata.name>}
 * @param position where the document starts
 * @param name the AEP name, or null for a kind that has none (a mapping set)
 * @param attributes what is sent and compared, by pointer; references are held apart
 * @param references the other manifests it names, by the attribute they fill
 * @param replaceOnly pointer prefixes of attributes that cannot change in place: a change there
 *     replaces the resource
 * @param unresolved attributes whose value did not resolve (offline loads only)
 * @param movedFrom the addresses it had before ({@code metadata.movedFrom})
 * @param formerOutputs attributes that records written before flowform knew them at plan time hold
 *     as outputs, by pointer: the output's key ({@code /flowSpec/id}: {@code flowSpecId}); a record
 *     without the attribute is compared by that output
 * @param types attributes sent as another JSON type than text, by pointer ({@code /params/port ->
 *     integer}, as the connector's schema types them); their text is what is compared and kept
 */
public record DesiredResource(
    String kind,
    String address,
    SourcePosition position,
    String name,
    SortedMap<String, String> attributes,
    List<ResourceReference> references,
    Set<String> replaceOnly,
    Set<String> unresolved,
    List<String> movedFrom,
    SortedMap<String, String> formerOutputs,
    SortedMap<String, String> types) {

  public DesiredResource {
    attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
    references = List.copyOf(references);
    replaceOnly = Set.copyOf(replaceOnly);
    unresolved = Set.copyOf(unresolved);
    movedFrom = movedFrom == null ? List.of() : List.copyOf(movedFrom);
    formerOutputs =
        Collections.unmodifiableSortedMap(
            new TreeMap<>(formerOutputs == null ? Map.of() : formerOutputs));
    types = Collections.unmodifiableSortedMap(new TreeMap<>(types == null ? Map.of() : types));
  }

  /** A resource whose every attribute records have always held as attributes. */
  public DesiredResource(
      String kind,
      String address,
      SourcePosition position,
      String name,
      SortedMap<String, String> attributes,
      List<ResourceReference> references,
      Set<String> replaceOnly,
      Set<String> unresolved,
      List<String> movedFrom) {
    this(
        kind,
        address,
        position,
        name,
        attributes,
        references,
        replaceOnly,
        unresolved,
        movedFrom,
        null,
        null);
  }

  /** This resource with its references resolved to addresses. */
  public DesiredResource withReferences(List<ResourceReference> resolved) {
    return new DesiredResource(
        kind,
        address,
        position,
        name,
        attributes,
        resolved,
        replaceOnly,
        unresolved,
        movedFrom,
        formerOutputs,
        types);
  }

  /**
   * This resource with one more attribute, decided after its document was read.
   *
   * @param formerOutput the output earlier records hold it as; null when none does
   */
  public DesiredResource withAttribute(String pointer, String value, String formerOutput) {
    SortedMap<String, String> more = new TreeMap<>(attributes);
    more.put(pointer, value);
    SortedMap<String, String> former = new TreeMap<>(formerOutputs);
    if (formerOutput != null) {
      former.put(pointer, formerOutput);
    }
    return new DesiredResource(
        kind,
        address,
        position,
        name,
        more,
        references,
        replaceOnly,
        unresolved,
        movedFrom,
        former,
        types);
  }

  /** This resource with the types its attributes are sent as (by pointer). */
  public DesiredResource withTypes(SortedMap<String, String> sentAs) {
    return new DesiredResource(
        kind,
        address,
        position,
        name,
        attributes,
        references,
        replaceOnly,
        unresolved,
        movedFrom,
        formerOutputs,
        sentAs);
  }

  /** The addresses it depends on, in the order its references are written. */
  public List<String> dependsOn() {
    return references.stream().map(ResourceReference::address).filter(a -> a != null).toList();
  }

  /** True when a change of {@code pointer} cannot be made in place. */
  public boolean replacesOn(String pointer) {
    return replaceOnly.stream().anyMatch(p -> pointer.equals(p) || pointer.startsWith(p + "/"));
  }
}
