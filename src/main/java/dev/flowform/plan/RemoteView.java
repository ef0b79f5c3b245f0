package dev.flowform.plan;

import dev.flowform.model.RemoteConnection;
import dev.flowform.model.RemoteResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a refresh learned from the platform, as plain data for the planner.
 *
 * @param found by address: the recorded connections the platform still has
 * @param missing addresses whose recorded id the platform answered 404 for (deleted outside
 *     flowform)
 * @param byName by AEP connection name: every connection of that name, for the names looked up
 *     (pending records, creates); a name not looked up is absent
 * @param imported by id: the connections declared in {@code spec.imports} that the platform has
 * @param importsMissing ids declared in {@code spec.imports} the platform answered 404 for (a
 *     pipeline resource's: read through its kind)
 * @param resources by address: the pipeline resources read by id (recorded ones, and declared
 *     imports of addresses state lacks)
 */
public record RemoteView(
    Map<String, RemoteConnection> found,
    Set<String> missing,
    Map<String, List<RemoteConnection>> byName,
    Map<String, RemoteConnection> imported,
    Set<String> importsMissing,
    Map<String, RemoteResource> resources) {

  /** Nothing read: an offline plan. */
  public static final RemoteView OFFLINE = new RemoteView(Map.of(), Set.of(), Map.of());

  public RemoteView {
    found = Map.copyOf(found);
    missing = Set.copyOf(missing);
    byName = Map.copyOf(byName);
    imported = Map.copyOf(imported);
    importsMissing = Set.copyOf(importsMissing);
    resources = Map.copyOf(resources == null ? Map.of() : resources);
  }

  /** What a refresh read of connections and imports (no pipeline resource). */
  public RemoteView(
      Map<String, RemoteConnection> found,
      Set<String> missing,
      Map<String, List<RemoteConnection>> byName,
      Map<String, RemoteConnection> imported,
      Set<String> importsMissing) {
    this(found, missing, byName, imported, importsMissing, Map.of());
  }

  /** This view with what a refresh read of the pipeline resources, by address. */
  public RemoteView withResources(Map<String, RemoteResource> read, Set<String> gone) {
    Set<String> allMissing = new java.util.HashSet<>(missing);
    allMissing.addAll(gone);
    return new RemoteView(found, allMissing, byName, imported, importsMissing, read);
  }

  /**
   * This view with what a refresh read of the pipeline resources: the recorded ones and those
   * {@code spec.imports} declares for addresses state lacks, by address; the addresses whose
   * recorded resource is gone; and the declared ids the platform has no resource of that kind for.
   */
  public RemoteView withResources(
      Map<String, RemoteResource> read, Set<String> gone, Set<String> importsGone) {
    Set<String> allMissing = new java.util.HashSet<>(missing);
    allMissing.addAll(gone);
    Set<String> allImportsMissing = new java.util.HashSet<>(importsMissing);
    allImportsMissing.addAll(importsGone);
    return new RemoteView(found, allMissing, byName, imported, allImportsMissing, read);
  }

  /**
   * What a refresh read of the pipeline resource at {@code address}: the recorded one, or the one
   * {@code spec.imports} declares when state lacks the address.
   */
  public Optional<RemoteResource> resource(String address) {
    return Optional.ofNullable(resources.get(address));
  }

  /** A view without declared imports. */
  public RemoteView(
      Map<String, RemoteConnection> found,
      Set<String> missing,
      Map<String, List<RemoteConnection>> byName) {
    this(found, missing, byName, Map.of(), Set.of());
  }

  /** Whether it holds anything a refresh read; {@link #OFFLINE} holds nothing. */
  public boolean refreshed() {
    return !found.isEmpty()
        || !missing.isEmpty()
        || !byName.isEmpty()
        || !imported.isEmpty()
        || !importsMissing.isEmpty()
        || !resources.isEmpty();
  }

  /** The view with the entries read under old addresses shown under their new ones. */
  RemoteView moved(Map<String, String> fromByTo) {
    if (fromByTo.isEmpty()) {
      return this;
    }
    Map<String, RemoteConnection> renamedFound = new java.util.HashMap<>(found);
    Set<String> renamedMissing = new java.util.HashSet<>(missing);
    fromByTo.forEach(
        (to, from) -> {
          RemoteConnection read = renamedFound.remove(from);
          if (read != null) {
            renamedFound.put(to, read);
          }
          if (renamedMissing.remove(from)) {
            renamedMissing.add(to);
          }
        });
    Map<String, RemoteResource> renamedResources = new java.util.HashMap<>(resources);
    fromByTo.forEach(
        (to, from) -> {
          RemoteResource read = renamedResources.remove(from);
          if (read != null) {
            renamedResources.put(to, read);
          }
        });
    return new RemoteView(
        renamedFound, renamedMissing, byName, imported, importsMissing, renamedResources);
  }

  public Optional<RemoteConnection> found(String address) {
    return Optional.ofNullable(found.get(address));
  }

  /** The connections of this name, when it was looked up. */
  public Optional<List<RemoteConnection>> named(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * The connections of this name whose ids are not in {@code taken} (ids another address owns);
   * empty when the name was not looked up.
   */
  List<RemoteConnection> namedExcept(String name, Set<String> taken) {
    return named(name).orElse(List.of()).stream().filter(r -> !taken.contains(r.id())).toList();
  }
}
