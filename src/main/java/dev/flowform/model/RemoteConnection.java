package dev.flowform.model;

import java.time.Instant;
import java.util.Map;

/**
 * A connection as the Flow Service shows it. Secret params are never relied on (they may come back
 * masked or not at all).
 *
 * @param state {@code enabled}, {@code disabled}, ...
 * @param params the auth params as returned; may hold masked values
 * @param createdAt when the platform created it, or null when it did not say
 */
public record RemoteConnection(
    String id,
    String etag,
    String name,
    String description,
    ConnectionSpecRef connectionSpec,
    String state,
    String authSpecName,
    Map<String, String> params,
    Instant createdAt) {

  public RemoteConnection {
    params = params == null ? Map.of() : Map.copyOf(params);
  }

  /** A connection whose creation time is not known. */
  public RemoteConnection(
      String id,
      String etag,
      String name,
      String description,
      ConnectionSpecRef connectionSpec,
      String state,
      String authSpecName,
      Map<String, String> params) {
    this(id, etag, name, description, connectionSpec, state, authSpecName, params, null);
  }
}
