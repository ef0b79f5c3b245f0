package dev.flowform.plan;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.flowform.diag.FlowformException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A plan as {@code plan --out FILE} saves it, for {@code apply FILE}: the environment and the
 * sandbox, org and endpoint it targets, the state's lineage and serial, the manifests' digest, the
 * secrets' salted fingerprints, the targets it was limited to and the changes (moves, imports and
 * forced replaces among them). Never a secret. A plan with unresolved references cannot be saved.
 *
 * <p>A plan made after a refresh that saw connections change on the platform also carries the
 * refreshed prior records ({@code refreshedPrior}) of the connections it changes, keyed by their
 * address in state: what the refresh read (etag, name, description, plain params), as {@code
 * flowform refresh} would have recorded it. {@code apply FILE} checks the changes against the state
 * with these records in it, while the state's lineage and serial are those the plan was made from.
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
  "changes",
  "refreshedPrior"
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
    List<String> targets,
    SortedMap<String, Refreshed> refreshedPrior) {

  public static final String FORMAT_VERSION = "1";

  /** What a refresh read of one recorded connection that changed on the platform. */
  public record Refreshed(
      String id, String etag, String name, String description, SortedMap<String, String> params) {
    public Refreshed {
      params = Collections.unmodifiableSortedMap(new TreeMap<>(params == null ? Map.of() : params));
    }
  }

  public SavedPlan {
    secretFingerprints =
        Collections.unmodifiableSortedMap(
            new TreeMap<>(secretFingerprints == null ? new TreeMap<>() : secretFingerprints));
    changes = changes == null ? List.of() : List.copyOf(changes);
    targets = targets == null ? List.of() : List.copyOf(targets);
    refreshedPrior =
        Collections.unmodifiableSortedMap(
            new TreeMap<>(refreshedPrior == null ? Map.of() : refreshedPrior));
  }

  /**
   * The plan to save.
   *
   * @throws FlowformException when some credentials did not resolve: such a plan compared nothing
   *     for them and could not be applied
   */
  public static SavedPlan of(Plan plan) {
    return of(plan, Map.of());
  }

  /**
   * The plan to save, with the refreshed prior records of the connections it changes.
   *
   * @throws FlowformException when some credentials did not resolve
   */
  public static SavedPlan of(Plan plan, Map<String, Refreshed> refreshedPrior) {
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
        plan.targets(),
        new TreeMap<>(refreshedPrior));
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
