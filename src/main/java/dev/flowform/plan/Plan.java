package dev.flowform.plan;

import dev.flowform.diag.FlowformException;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Everything {@code apply} would do in one environment. Plain data: rendered as text, JSON or
 * Markdown, saved with {@code plan --out}, executed by the applier. Holds no secret.
 *
 * @param lineage the state's lineage when planned (null when there was no state yet)
 * @param serial the state's serial when planned (0 when there was no state yet)
 * @param manifestDigest the desired state's digest when planned
 * @param secretFingerprints by address, then by param: the fingerprints the plan was made with, so
 *     a saved plan is refused when a secret has changed since
 * @param changes sorted by address
 * @param unresolved sensitive references that did not resolve (an offline plan); such a plan cannot
 *     be saved or applied
 * @param refreshed whether the platform was read to find drift
 * @param orgId the org the environment targeted when planned (null when it did not resolve)
 * @param endpoint the Flow Service endpoint the environment targeted when planned, as state records
 *     it
 */
public record Plan(
    String environment,
    String sandbox,
    String lineage,
    long serial,
    String manifestDigest,
    SortedMap<String, SortedMap<String, String>> secretFingerprints,
    List<Change> changes,
    List<String> unresolved,
    boolean refreshed,
    String orgId,
    String endpoint) {

  public Plan {
    changes = List.copyOf(changes);
    unresolved = List.copyOf(unresolved);
    secretFingerprints =
        java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(secretFingerprints));
  }

  /** The changes that call the Flow Service. */
  public List<Change> mutations() {
    return changes.stream().filter(c -> c.action().mutates()).toList();
  }

  public boolean hasChanges() {
    return !mutations().isEmpty();
  }

  /** How many changes of each action, for summary lines. */
  public Map<Action, Long> counts() {
    Map<Action, Long> counts = new java.util.EnumMap<>(Action.class);
    for (Action action : Action.values()) {
      counts.put(action, 0L);
    }
    changes.forEach(c -> counts.merge(c.action(), 1L, Long::sum));
    return counts;
  }

  /**
   * The one guard for a plan made without some secrets (an offline plan in a pull request): it
   * compared nothing for them, so it can be neither saved nor applied.
   *
   * @param what what was asked, e.g. "cannot save this plan"
   * @throws FlowformException naming the references that did not resolve
   */
  public void requireAllSecrets(String what) {
    if (!unresolved.isEmpty()) {
      throw new FlowformException(
          what + ": it was made without some secrets (" + String.join(", ", unresolved) + ")",
          "plan again where every ${env:...} and ${file:...} reference resolves");
    }
  }
}
