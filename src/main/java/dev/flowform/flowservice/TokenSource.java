package dev.flowform.flowservice;

import java.util.Optional;

/**
 * Where the {@code Authorization: Bearer} token comes from. Implementations are thread-safe: many
 * calls run in parallel and share one token.
 *
 * @see FlowServiceClients#imsTokens(ImsCredentials)
 */
public interface TokenSource {

  /** The current access token, fetched on first use. */
  String token();

  /**
   * A token to replace {@code rejected}, which the service refused with a 401. Returns the current
   * token when another caller already renewed it, a freshly fetched one otherwise, or empty when
   * this source cannot renew (a given static token).
   */
  Optional<String> renew(String rejected);

  /** A given access token, used as is and never renewed. */
  static TokenSource fixed(String accessToken) {
    return new FixedTokenSource(accessToken);
  }
}
