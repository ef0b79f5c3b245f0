package dev.flowform.plan;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.flowform.diag.FlowformException;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A plan as {@code plan --out FILE} saves it, for {@code apply FILE}: the environment and the
 * sandbox, org and endpoint it targets, the state's lineage and serial, the manifests' digest, the
 * secrets' salted fingerprints, the targets it was limited to and the changes (moves, imports and
 * forced replaces among them). Never a secret. A plan with unresolved references cannot be saved.
 */
@JsonPropertyOrder({
  "formatVersion",
  "environment",
  "sandbox",
  "orgId",
  "endpoint",
  "lineage",
  "serial",
  "manifestDigest",
  "refreshed",
  "secretFingerprints",
  "targets",
  "changes"
})
public record SavedPlan(
    String formatVersion,
    String environment,
    String sandbox,
    String lineage,
    long serial,
    String manifestDigest,
    boolean refreshed,
    SortedMap<String, SortedMap<String, String>> secretFingerprints,
    List<Change> changes,
    String orgId,
    String endpoint,
    List<String> targets) {

  public static final String FORMAT_VERSION = "1";

  public SavedPlan {
    secretFingerprints =
        Collections.unmodifiableSortedMap(
            new TreeMap<>(secretFingerprints == null ? new TreeMap<>() : secretFingerprints));
    changes = changes == null ? List.of() : List.copyOf(changes);
    targets = targets == null ? List.of() : List.copyOf(targets);
  }

  /**
   * The plan to save.
   *
   * @throws FlowformException when some credentials did not resolve: such a plan compared nothing
   *     for them and could not be applied
   */
  public static SavedPlan of(Plan plan) {
    plan.requireAllSecrets("cannot save this plan");
    return new SavedPlan(
        FORMAT_VERSION,
        plan.environment(),
        plan.sandbox(),
        plan.lineage(),
        plan.serial(),
        plan.manifestDigest(),
        plan.refreshed(),
        plan.secretFingerprints(),
        plan.changes(),
        plan.orgId(),
        plan.endpoint(),
        plan.targets());
  }

  /** The plan again, for rendering, checking and applying. */
  public Plan toPlan() {
    return new Plan(
        environment,
        sandbox,
        lineage,
        serial,
        manifestDigest,
        secretFingerprints,
        changes,
        List.of(),
        refreshed,
        orgId,
        endpoint,
        List.of(),
        targets);
  }
}
