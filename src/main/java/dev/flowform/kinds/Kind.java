package dev.flowform.kinds;

import dev.flowform.flowservice.PlatformResources;
import dev.flowform.manifest.ManifestKind;

/**
 * A pipeline resource kind: its manifest (a {@link ManifestKind}) and its platform calls. The
 * graph, planner, applier, state and renderers are generic over kinds; a kind package holds
 * everything of its own and never imports another kind's.
 *
 * @param <T> its document record
 */
public interface Kind<T> extends ManifestKind<T> {

  /** How plans and messages name it: {@code source connection}. */
  String label();

  /** True for a kind that runs (a dataflow): status reads its {@link KindCalls#health}. */
  default boolean runs() {
    return false;
  }

  /** Its calls, on one platform client. */
  KindCalls calls(PlatformResources platform);
}
