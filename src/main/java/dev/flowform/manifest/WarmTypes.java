package dev.flowform.manifest;

import dev.flowform.manifest.doc.ConnectionManifest;
import dev.flowform.manifest.doc.EnvironmentManifest;
import dev.flowform.manifest.doc.GenericConnectionManifest;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The record types a load has the validator and the mapper build ahead, on their own threads: those
 * of the Environment and HubSpotConnection documents at once, while the files are read; those of
 * the other kinds (Connection, the pipeline kinds) only once the files are read and tell that such
 * documents are there. Warming a kind that no document has is work thrown away, on the cores the
 * load is using.
 */
final class WarmTypes {
  private final Set<Class<?>> now;
  private final Map<String, Class<?>> later = new LinkedHashMap<>();
  private final CompletableFuture<Set<Class<?>>> present = new CompletableFuture<>();

  /**
   * @param kinds the pipeline kinds documents may have
   */
  WarmTypes(List<ManifestKind<?>> kinds) {
    this.now = RecordTypes.reachable(List.of(EnvironmentManifest.class, ConnectionManifest.class));
    kinds.forEach(kind -> later.put(kind.kind(), kind.type()));
    later.put(GenericConnectionManifest.KIND, GenericConnectionManifest.class);
  }

  /** The types to build at once, the most common first. */
  Set<Class<?>> now() {
    return now;
  }

  /** The types of the other kinds the documents have (none already in {@link #now()}). */
  CompletionStage<Set<Class<?>>> later() {
    return present.minimalCompletionStage();
  }

  /** Tells the kinds the documents of the run have; only the first call counts. */
  void present(Collection<String> kinds) {
    List<Class<?>> roots =
        kinds.stream().distinct().map(later::get).filter(Objects::nonNull).toList();
    Set<Class<?>> types = new LinkedHashSet<>(RecordTypes.reachable(roots));
    types.removeAll(now);
    present.complete(Set.copyOf(types));
  }
}
