package dev.flowform.emulator;

/** The pipeline resources the emulator keeps beside base connections, by collection. */
public enum ResourceKind {
  /** {@code /sourceConnections}: what to read through a base connection. */
  SOURCE_CONNECTION("sourceConnections", "source connection"),
  /** {@code /targetConnections}: where data lands (a dataset of the Data Lake). */
  TARGET_CONNECTION("targetConnections", "target connection"),
  /** {@code /flows}: a dataflow from source connections to target connections on a schedule. */
  FLOW("flows", "flow"),
  /** Data Prep's {@code /mappingSets}: how source fields become the target schema's. */
  MAPPING_SET("mappingSets", "mapping set");

  private final String collection;
  private final String label;

  ResourceKind(String collection, String label) {
    this.collection = collection;
    this.label = label;
  }

  /** The path segment of its collection, like {@code sourceConnections}. */
  public String collection() {
    return collection;
  }

  /** What a message calls one of them, like {@code source connection}. */
  String label() {
    return label;
  }
}
