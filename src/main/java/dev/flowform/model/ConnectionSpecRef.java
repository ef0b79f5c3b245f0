package dev.flowform.model;

/** A Flow Service connection spec: its id and version. */
public record ConnectionSpecRef(String id, String version) {
  public static final String HUBSPOT_ID = "cc6a4487-9e91-433e-a3a3-9cf6626c1806";
  public static final ConnectionSpecRef HUBSPOT = new ConnectionSpecRef(HUBSPOT_ID, "1.0");
}
