package dev.flowform.model;

/**
 * Where an environment's Flow Service is: a base URL such as {@code
 * https://platform.adobe.io/data/foundation/flowservice}, or the in-process emulator.
 */
public record Endpoint(String url, boolean embedded) {
  public static final String DEFAULT_URL = "https://platform.adobe.io/data/foundation/flowservice";
  public static final String EMBEDDED_NAME = "embedded";

  public static Endpoint inProcess() {
    return new Endpoint(EMBEDDED_NAME, true);
  }

  public static Endpoint of(String url) {
    return new Endpoint(url, false);
  }

  /** What state records: the URL, or {@code embedded}. */
  public String identity() {
    return url;
  }
}
