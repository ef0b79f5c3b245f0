package dev.flowform.model;

import java.util.Map;

/**
 * A connection as the Flow Service shows it. Secret params are never relied on (they may come back
 * masked or not at all).
 *
 * @param state {@code enabled}, {@code disabled}, ...
 * @param params the auth params as returned; may hold masked values
 */
public record RemoteConnection(
    String id,
    String etag,
    String name,
    String description,
    ConnectionSpecRef connectionSpec,
    String state,
    String authSpecName,
    Map<String, String> params) {

  public RemoteConnection {
    params = params == null ? Map.of() : Map.copyOf(params);
  }
}
