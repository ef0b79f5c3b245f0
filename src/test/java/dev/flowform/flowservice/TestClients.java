package dev.flowform.flowservice;

import dev.flowform.model.ConnectionSpecRef;
import dev.flowform.testing.Fixtures;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/** Clients pointed at a local server, with fake secrets that tests look for in traces. */
final class TestClients {
  static final String PATH = "/data/foundation/flowservice";
  static final String ORG = "5C13ABCD@AdobeOrg";
  static final String SANDBOX = "dev";
  static final String API_KEY = "client-id-123";
  static final String USER_AGENT = "flowform/test";
  static final String TOKEN = "token-given-1";
  static final String IMS_SECRET = "ims-secret-value-9f8e";
  static final String HUBSPOT_SECRET = "hubspot-secret-value-7a6b";
  static final String HUBSPOT_ACCESS = "hubspot-access-value-5c4d";
  static final String HUBSPOT_REFRESH = "hubspot-refresh-value-3e2f";
  static final Instant NOW = Fixtures.T0;

  private TestClients() {}

  static FlowServiceConfig config(String serverUrl) {
    return configBuilder(serverUrl).build();
  }

  /** Short timeouts and quick retries, to change further. */
  static FlowServiceConfig.Builder configBuilder(String serverUrl) {
    return FlowServiceConfig.builder(
            URI.create(serverUrl + PATH), ORG, SANDBOX, API_KEY, USER_AGENT)
        .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10))
        .retries(4, Duration.ofMillis(100), Duration.ofSeconds(5));
  }

  static FlowServiceClients clients(FlowServiceConfig config, Sleeper sleeper) {
    return clients(config, sleeper, Optional.empty(), Clock.fixed(NOW, java.time.ZoneOffset.UTC));
  }

  static FlowServiceClients clients(
      FlowServiceConfig config, Sleeper sleeper, Optional<PrintWriter> trace, Clock clock) {
    return new FlowServiceClients(config, trace, sleeper, new Random(7), clock);
  }

  static FlowServiceApi api(String serverUrl, Sleeper sleeper) {
    return clients(config(serverUrl), sleeper).api(TokenSource.fixed(TOKEN));
  }

  static ImsCredentials ims(String serverUrl) {
    return new ImsCredentials(
        URI.create(serverUrl + "/ims/token/v3"),
        API_KEY,
        IMS_SECRET,
        List.of("openid", "AdobeID", "read_organizations"));
  }

  static ConnectionRequest hubspot(String name) {
    return new ConnectionRequest(
        name,
        "Marketing CRM contacts",
        ConnectionSpecRef.HUBSPOT,
        "Basic Authentication",
        Map.of(
            "clientId", "hubspot-client",
            "clientSecret", HUBSPOT_SECRET,
            "accessToken", HUBSPOT_ACCESS,
            "refreshToken", HUBSPOT_REFRESH),
        Set.of("clientSecret", "accessToken", "refreshToken"));
  }
}
