package dev.flowform.flowservice;

/**
 * A collection of platform resources: its path under the Flow Service ({@code flows}) or, for Data
 * Prep's mapping sets, under the conversion service that stands beside it.
 */
public record Collection(boolean conversion, String path) {

  public static final Collection SOURCE_CONNECTIONS = new Collection(false, "sourceConnections");
  public static final Collection TARGET_CONNECTIONS = new Collection(false, "targetConnections");
  public static final Collection FLOWS = new Collection(false, "flows");
  public static final Collection FLOW_SPECS = new Collection(false, "flowSpecs");
  public static final Collection CONNECTION_SPECS = new Collection(false, "connectionSpecs");
  public static final Collection RUNS = new Collection(false, "runs");
  public static final Collection MAPPING_SETS = new Collection(true, "mappingSets");
}
