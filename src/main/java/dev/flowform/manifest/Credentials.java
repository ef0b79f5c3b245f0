package dev.flowform.manifest;

import java.util.List;

/** How flowform authenticates to AEP: an IMS client-credentials exchange or a given token. */
public sealed interface Credentials {
  String DEFAULT_IMS_ENDPOINT = "https://ims-na1.adobelogin.com/ims/token/v3";
  List<String> DEFAULT_SCOPES =
      List.of(
          "openid",
          "AdobeID",
          "read_organizations",
          "additional_info.projectedProductContext",
          "session");

  /** True when every value resolved, so API calls can be made. */
  boolean resolved();

  /** What is sent as {@code x-api-key}. */
  Secret apiKey();

  /** OAuth server-to-server: the client id is also sent as {@code x-api-key}. */
  record ClientCredentials(
      Secret clientId, Secret clientSecret, List<String> scopes, String imsEndpoint)
      implements Credentials {
    public ClientCredentials {
      scopes = List.copyOf(scopes);
    }

    @Override
    public boolean resolved() {
      return clientId.isResolved() && clientSecret.isResolved();
    }

    /** The client id doubles as the API key. */
    @Override
    public Secret apiKey() {
      return clientId;
    }
  }

  /** A ready access token with its API key. */
  record AccessToken(Secret accessToken, Secret apiKey) implements Credentials {
    @Override
    public boolean resolved() {
      return accessToken.isResolved() && apiKey.isResolved();
    }
  }
}
