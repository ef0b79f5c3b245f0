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
 * @param remoteIds connections of this name found on the platform (conflicts, recovery)
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
    List<String> remoteIds) {

  public Change {
    attributes = attributes == null ? List.of() : List.copyOf(attributes);
    remoteIds = remoteIds == null ? List.of() : List.copyOf(remoteIds);
  }

  /** A change of a connection state records no id for (a create, a conflict): no id, no etag. */
  public static Change unrecorded(
      String address,
      Action action,
      Reason reason,
      String name,
      List<AttributeChange> attributes,
      List<String> remoteIds) {
    return new Change(address, action, reason, null, null, name, attributes, remoteIds);
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
