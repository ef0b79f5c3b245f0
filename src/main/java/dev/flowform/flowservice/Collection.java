package dev.flowform.flowservice;

/**
 * A collection of platform resources: its path under the Flow Service ({@code flows}) or, for Data
 * Prep's mapping sets, under the conversion service that stands beside it.
 *
 * @param published the platform publishes its items (connection and flow specs): they do not change
 *     while a run lasts, so one read of each serves the whole run
 */
public record Collection(boolean conversion, String path, boolean published) {

  Collection(boolean conversion, String path) {
    this(conversion, path, false);
  }

  public static final Collection SOURCE_CONNECTIONS = new Collection(false, "sourceConnections");
  public static final Collection TARGET_CONNECTIONS = new Collection(false, "targetConnections");
  public static final Collection FLOWS = new Collection(false, "flows");
  public static final Collection FLOW_SPECS = new Collection(false, "flowSpecs", true);
  public static final Collection CONNECTION_SPECS = new Collection(false, "connectionSpecs", true);
  public static final Collection RUNS = new Collection(false, "runs");
  public static final Collection MAPPING_SETS = new Collection(true, "mappingSets");
}
