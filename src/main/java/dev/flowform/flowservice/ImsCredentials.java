package dev.flowform.flowservice;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * An OAuth server-to-server credential for Adobe IMS. {@link #toString()} never shows the secret.
 *
 * @param endpoint e.g. {@code https://ims-na1.adobelogin.com/ims/token/v3}; https, or http on
 *     loopback only
 * @param scopes sent comma-joined
 */
public record ImsCredentials(
    URI endpoint, String clientId, String clientSecret, List<String> scopes) {

  public ImsCredentials {
    EndpointRule.requireAllowed(Objects.requireNonNull(endpoint, "endpoint"), "imsEndpoint");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    scopes = List.copyOf(scopes);
  }

  @Override
  public String toString() {
    return "ImsCredentials[endpoint="
        + endpoint
        + ", clientId="
        + clientId
        + ", clientSecret=(sensitive), scopes="
        + scopes
        + "]";
  }
}
