package dev.flowform.model;

/**
 * The kinds of base connections: HubSpot's own, and the generic one of any connector. Both go
 * through the connection path (fingerprinted secrets, recovery by name, drift); every other kind is
 * a pipeline resource.
 */
public final class ConnectionKinds {
  public static final String HUBSPOT = "HubSpotConnection";
  public static final String GENERIC = "Connection";

  private ConnectionKinds() {}

  /** True for a base connection's kind; null counts as HubSpot's (older records and changes). */
  public static boolean isConnection(String kind) {
    return kind == null || HUBSPOT.equals(kind) || GENERIC.equals(kind);
  }
}
