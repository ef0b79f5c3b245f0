package dev.flowform.plan;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a change is in the plan; shown beside it. */
public enum Reason {
  NEW("not in state"),
  PENDING_RECOVERY(
      "an earlier create was interrupted: adopt the connection of this name if it exists"),
  DELETED_REMOTELY("deleted remotely (drift)"),
  MANIFEST_CHANGED("manifest changed"),
  CHANGED_REMOTELY("changed remotely (drift)"),
  /** Only secrets differ from the fingerprints state recorded; renderers name them. */
  SECRET_ROTATED("secret rotated"),
  /** Only secrets that were never set by flowform (an imported connection) would be sent. */
  IMPORTED_SECRETS("imported: its secrets are set once, then compared"),
  MOVED("moved (metadata.movedFrom)"),
  IMPORT_DECLARED("declared in spec.imports"),
  REPLACE_REQUESTED("replacement requested (--replace)"),
  SPEC_CHANGED("the connection spec changed, which cannot be updated in place"),
  FORCES_REPLACEMENT("an attribute that cannot change in place changed"),
  DEPENDENCY_REPLACED("a resource it depends on is created anew"),
  DEPENDENCY_UPDATED("a resource it uses has a new version"),
  REMOVED_FROM_MANIFESTS("no longer in the manifests"),
  EXISTS_REMOTELY("the platform already has a connection of this name"),
  /** A rename onto the name of a connection this state does not manage: a conflict. */
  NAME_TAKEN("renamed onto the name of a connection flowform does not manage here"),
  DESTROY("destroy"),
  UP_TO_DATE("up to date");

  private final String description;

  Reason(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  @JsonValue
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
