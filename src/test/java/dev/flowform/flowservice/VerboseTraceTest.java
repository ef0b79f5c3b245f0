package dev.flowform.flowservice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.flowform.flowservice.TestClients.PATH;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.flowform.testing.HandClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code --verbose} trace shows every exchange and no secret. */
class VerboseTraceTest {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String IMS_TOKEN = "eyJims-access-token-value";

  @Test
  void traceOfAnImsExchangeACreateAndAnUpdateShowsNoSecret() {
    server.stubFor(
        post("/ims/token/v3")
            .willReturn(
                okJson(
                    "{\"access_token\":\""
                        + IMS_TOKEN
                        + "\",\"token_type\":\"bearer\",\"expires_in\":86399}")));
    server.stubFor(
        post(PATH + "/connections")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("x-request-id", "req-create-1")
                    .withBody("{\"id\":\"c1\",\"etag\":\"\\\"e1\\\"\"}")));
    server.stubFor(
        patch(urlEqualTo(PATH + "/connections/c1"))
            .willReturn(okJson("{\"id\":\"c1\",\"etag\":\"\\\"e2\\\"\"}")));
    StringWriter out = new StringWriter();
    FlowServiceClients clients =
        TestClients.clients(
            TestClients.config(server.baseUrl()),
            new RecordingSleeper(),
            Optional.of(new PrintWriter(out)),
            new HandClock(TestClients.NOW));
    FlowServiceApi api = clients.api(clients.imsTokens(TestClients.ims(server.baseUrl())));

    api.create(TestClients.hubspot("HubSpot eu"));
    api.update(
        "c1",
        "\"e1\"",
        List.of(
            PatchOperation.replace("/auth/params/accessToken", TestClients.HUBSPOT_ACCESS),
            PatchOperation.replace(
                "/auth/params",
                Map.of("clientId", "c", "refreshToken", TestClients.HUBSPOT_REFRESH))));

    String trace = out.toString();
    for (String secret :
        List.of(
            TestClients.IMS_SECRET,
            IMS_TOKEN,
            TestClients.HUBSPOT_SECRET,
            TestClients.HUBSPOT_ACCESS,
            TestClients.HUBSPOT_REFRESH)) {
      assertFalse(trace.contains(secret), () -> "secret in trace:\n" + trace);
    }
    assertTrue(trace.contains("--> POST " + server.baseUrl() + "/ims/token/v3"), trace);
    assertTrue(trace.contains("client_secret=(sensitive)"), trace);
    assertTrue(trace.contains("\"access_token\":\"(sensitive)\""), trace);
    assertTrue(trace.contains("Authorization: Bearer (sensitive)"), trace);
    assertTrue(trace.contains("\"clientSecret\":\"(sensitive)\""), trace);
    assertTrue(
        trace.contains(
            "<-- 201 POST "
                + server.baseUrl()
                + PATH
                + "/connections (0 ms, request id req-create-1)"),
        trace);
    assertTrue(trace.contains("x-sandbox-name: dev"), trace);
    assertTrue(trace.contains("\"name\":\"HubSpot eu\""), trace);
    assertTrue(trace.contains("<-- 200 PATCH"), trace);
  }

  @Test
  void aResponseBodyCutByTheTraceLimitEndsInAMarkSoACutSecretIsStillMasked() {
    String secret = "hs-SECRET-cut-in-two-by-the-limit";
    String echoed = "x".repeat(64 * 1024 - 10) + secret;
    server.stubFor(
        post("/ims/token/v3").willReturn(okJson("{\"access_token\":\"t\",\"expires_in\":86399}")));
    server.stubFor(
        post(PATH + "/connections").willReturn(aResponse().withStatus(400).withBody(echoed)));
    StringWriter out = new StringWriter();
    dev.flowform.diag.Scrubber scrubber = new dev.flowform.diag.Scrubber();
    scrubber.add(secret);
    FlowServiceClients clients =
        TestClients.clients(
            TestClients.config(server.baseUrl()),
            new RecordingSleeper(),
            Optional.of(scrubber.wrap(new PrintWriter(out))),
            new HandClock(TestClients.NOW));
    FlowServiceApi api = clients.api(clients.imsTokens(TestClients.ims(server.baseUrl())));

    try {
      api.create(TestClients.hubspot("HubSpot eu"));
    } catch (RuntimeException expected) {
      // the 400 is the point: only its trace matters here
    }

    String trace = out.toString();
    assertTrue(trace.contains("xx(sensitive)...\n"), trace.substring(trace.length() - 300));
    assertFalse(trace.contains(secret.substring(0, 10)), "the beginning of the cut secret");
  }
}
