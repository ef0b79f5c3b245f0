package dev.flowform.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What the plan does with one address.
 *
 * @param id the recorded connection id, or null
 * @param etag the recorded etag, sent as If-Match on update and delete, or null
 * @param name the AEP connection name the change is about (desired, else recorded)
 * @param attributes what is set (create) or altered (update); empty otherwise
 * @param remoteIds connections of this name found on the platform (conflicts, recovery), or the id
 *     an import takes over
 * @param movedFrom the address state records this connection under, which apply moves to {@code
 *     address} first ({@code metadata.movedFrom}); null when it does not move
 * @param kind the kind of a pipeline resource or of a generic {@code Connection}; null for a
 *     HubSpot connection, whose plans read as they always have
 * @param dependsOn the addresses it waits for: what a create, update or replace needs first, or
 *     (for a delete) what must be deleted before it
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Change(
    String address,
    Action action,
    Reason reason,
    String id,
    String etag,
    String name,
    List<AttributeChange> attributes,
    List<String> remoteIds,
    String movedFrom,
    String kind,
    List<String> dependsOn) {

  public Change {
    attributes = attributes == null ? List.of() : List.copyOf(attributes);
    remoteIds = remoteIds == null ? List.of() : List.copyOf(remoteIds);
    dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
  }

  /** A change of a connection, which may move. */
  public Change(
      String address,
      Action action,
      Reason reason,
      String id,
      String etag,
      String name,
      List<AttributeChange> attributes,
      List<String> remoteIds,
      String movedFrom) {
    this(address, action, reason, id, etag, name, attributes, remoteIds, movedFrom, null, null);
  }

  /** True for a change of a pipeline resource (any kind but a base connection). */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isPipeline() {
    return !dev.flowform.model.ConnectionKinds.isConnection(kind);
  }

  /**
   * This connection change of a connection kind: a generic {@code Connection} names its kind, a
   * HubSpotConnection's change stays without one, as its plans always read.
   */
  public Change ofConnectionKind(String connectionKind) {
    if (!dev.flowform.model.ConnectionKinds.GENERIC.equals(connectionKind)) {
      return this;
    }
    return new Change(
        address,
        action,
        reason,
        id,
        etag,
        name,
        attributes,
        remoteIds,
        movedFrom,
        connectionKind,
        dependsOn);
  }

  /** This change with another action and reason (and what it waits for). */
  public Change as(Action newAction, Reason newReason, List<String> waitsFor) {
    return new Change(
        address,
        newAction,
        newReason,
        id,
        etag,
        name,
        attributes,
        remoteIds,
        movedFrom,
        kind,
        waitsFor);
  }

  /** A change that moves nothing. */
  public Change(
      String address,
      Action action,
      Reason reason,
      String id,
      String etag,
      String name,
      List<AttributeChange> attributes,
      List<String> remoteIds) {
    this(address, action, reason, id, etag, name, attributes, remoteIds, null);
  }

  /** This change, made after moving the record from {@code from}: a no-op becomes a move. */
  Change movingFrom(String from) {
    return action == Action.NOOP
        ? new Change(
            address,
            Action.MOVE,
            Reason.MOVED,
            id,
            etag,
            name,
            attributes,
            remoteIds,
            from,
            kind,
            dependsOn)
        : new Change(
            address, action, reason, id, etag, name, attributes, remoteIds, from, kind, dependsOn);
  }

  /** True when apply moves a state record to this address before anything else. */
  public boolean moves() {
    return movedFrom != null;
  }

  /** A change of a connection state records no id for (a create, a conflict): no id, no etag. */
  public static Change unrecorded(
      String address,
      Action action,
      Reason reason,
      String name,
      List<AttributeChange> attributes,
      List<String> remoteIds) {
    return new Change(address, action, reason, null, null, name, attributes, remoteIds, null);
  }

  /**
   * True for a create that adopts an existing connection instead of POSTing one: a CREATE that
   * carries the {@code id} (and {@code etag}) of the single connection of its name the platform
   * already has ({@code --adopt-existing}, or an interrupted create found on refresh). The applier
   * records that id without sending a POST and sends nothing else: its credentials cannot be read
   * back, so the next plan shows the update that brings it to the manifest. A plain create never
   * carries an id.
   */
  public boolean adopts() {
    return action == Action.CREATE && id != null;
  }
}
