package dev.flowform.catalog;

import java.util.List;
import java.util.Locale;

/** A flow spec, trimmed to what choosing one needs: which connectors it joins. */
public record FlowSpec(
    String id,
    String name,
    String version,
    List<String> sourceConnectionSpecIds,
    List<String> targetConnectionSpecIds) {

  public FlowSpec {
    id = id.toLowerCase(Locale.ROOT);
    sourceConnectionSpecIds =
        sourceConnectionSpecIds.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    targetConnectionSpecIds =
        targetConnectionSpecIds.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
  }

  /** True when it carries data from that source spec into that target spec. */
  public boolean joins(String sourceSpecId, String targetSpecId) {
    return sourceConnectionSpecIds.contains(sourceSpecId.toLowerCase(Locale.ROOT))
        && (targetSpecId == null
            || targetConnectionSpecIds.contains(targetSpecId.toLowerCase(Locale.ROOT)));
  }
}
