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
 * @param duplicates connections the refresh found with the name of a managed one but unknown to
 *     state: nothing is sent for them, but the platform does not match the manifests
 * @param targets the addresses the plan was limited to ({@code --target}); empty: every address
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
    String endpoint,
    List<Duplicate> duplicates,
    List<String> targets) {

  /** A plan of every address, without duplicates (offline, or saved). */
  public Plan(
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
    this(
        environment,
        sandbox,
        lineage,
        serial,
        manifestDigest,
        secretFingerprints,
        changes,
        unresolved,
        refreshed,
        orgId,
        endpoint,
        List.of(),
        List.of());
  }

  public Plan {
    duplicates = duplicates == null ? List.of() : List.copyOf(duplicates);
    changes = List.copyOf(changes);
    unresolved = List.copyOf(unresolved);
    targets = targets == null ? List.of() : List.copyOf(targets);
    secretFingerprints =
        java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(secretFingerprints));
  }

  /** True when the plan was limited with {@code --target}: state is only partly reconciled. */
  public boolean targeted() {
    return !targets.isEmpty();
  }

  /** The changes apply executes: those that call the Flow Service or move a state record. */
  public List<Change> mutations() {
    return changes.stream().filter(c -> c.action().mutates()).toList();
  }

  public boolean hasChanges() {
    return !mutations().isEmpty();
  }

  /**
   * True when manifests, state and platform agree: nothing to send, no conflict, no duplicate and
   * no orphan (what {@code plan --detailed-exitcode} answers 0 for). An orphan, recorded in state
   * with no manifest, is a pending change whether or not this plan prunes: {@code apply --prune}
   * would delete it, {@code state rm} would forget it, and until one does, {@code status} shows it
   * as not in sync too.
   */
  public boolean inSync() {
    return !hasChanges()
        && counts().get(Action.CONFLICT) == 0
        && counts().get(Action.ORPHAN) == 0
        && duplicates.isEmpty();
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
