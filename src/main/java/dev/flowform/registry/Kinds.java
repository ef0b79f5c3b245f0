package dev.flowform.registry;

import dev.flowform.kinds.Kind;
import dev.flowform.kinds.dataflow.DataflowKind;
import dev.flowform.kinds.mapping.MappingSetKind;
import dev.flowform.kinds.source.SourceConnectionKind;
import dev.flowform.kinds.target.TargetConnectionKind;
import dev.flowform.manifest.ManifestKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one place kinds are registered: every pipeline kind flowform knows, in dependency order (what
 * a kind may reference comes before it). The HubSpot connection is served by its own packages and
 * named here only as what a source connection reads from.
 */
public final class Kinds {
  /** The kind of a HubSpot base connection. */
  public static final String HUBSPOT_CONNECTION = "HubSpotConnection";

  /** The kind of a base connection of any connector. */
  public static final String CONNECTION = "Connection";

  private final Map<String, Kind<?>> byKind = new LinkedHashMap<>();

  private Kinds(List<Kind<?>> kinds) {
    kinds.forEach(k -> byKind.put(k.kind(), k));
  }

  /** Every pipeline kind. */
  public static Kinds all() {
    return new Kinds(
        List.of(
            new SourceConnectionKind(Set.of(HUBSPOT_CONNECTION, CONNECTION)),
            new TargetConnectionKind(),
            new MappingSetKind(),
            new DataflowKind(
                SourceConnectionKind.KIND,
                TargetConnectionKind.KIND,
                "/data/schema/id",
                MappingSetKind.KIND,
                MappingSetKind.SCHEMA)));
  }

  public List<Kind<?>> list() {
    return List.copyOf(byKind.values());
  }

  /** The kinds as the manifest loader takes them. */
  public List<ManifestKind<?>> manifests() {
    return List.copyOf(byKind.values());
  }

  public Optional<Kind<?>> of(String kind) {
    return Optional.ofNullable(byKind.get(kind));
  }

  /** How plans name a kind ({@code source connection}); a connection for anything else. */
  public String label(String kind) {
    return of(kind).map(Kind::label).orElse("connection");
  }
}
