package dev.flowform.flowservice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.flowform.flowservice.TestClients.PATH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 21, item 12: redirects are never followed; one is reported as a redirect naming the host (a
 * loop when it points back at the URL asked), never as a refusal of the credentials.
 */
class RedirectTest {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String IMS = "/ims/token/v3";
  private final RecordingSleeper sleeper = new RecordingSleeper();

  private String host() {
    return "localhost:" + server.getPort();
  }

  @Test
  void anImsThatRedirectsToItselfIsARedirectLoopNotBadCredentials() {
    server.stubFor(post(IMS).willReturn(aResponse().withStatus(302).withHeader("Location", IMS)));
    TokenSource tokens =
        TestClients.clients(TestClients.config(server.baseUrl()), sleeper)
            .imsTokens(TestClients.ims(server.baseUrl()));

    FlowServiceException e = assertThrows(FlowServiceException.class, tokens::token);

    assertEquals(
        "HTTP 302: a redirect loop at " + host() + ": it redirects POST " + IMS + " to itself",
        e.getMessage());
    assertTrue(e.hint().contains("credentials.imsEndpoint"), e.hint());
    assertFalse(e.hint().contains("clientSecret"), e.hint());
    server.verify(1, postRequestedFor(urlEqualTo(IMS)));
  }

  @Test
  void aFlowServiceThatRedirectsToItselfIsARedirectLoop() {
    String path = PATH + "/connections/c1";
    server.stubFor(
        get(urlPathEqualTo(path))
            .willReturn(
                aResponse().withStatus(301).withHeader("Location", server.baseUrl() + path)));

    FlowServiceException e =
        assertThrows(
            FlowServiceException.class, () -> TestClients.api(server.baseUrl(), sleeper).get("c1"));

    assertEquals(
        "HTTP 301: a redirect loop at " + host() + ": it redirects GET " + path + " to itself",
        e.getMessage());
    assertTrue(e.hint().contains("endpoint"), e.hint());
    server.verify(1, getRequestedFor(urlPathEqualTo(path)));
  }

  @Test
  void aRedirectElsewhereNamesTheHostAndTheTargetWithoutItsQuery() {
    String path = PATH + "/connections/c1";
    server.stubFor(
        get(urlPathEqualTo(path))
            .willReturn(
                aResponse()
                    .withStatus(307)
                    .withHeader("Location", "https://elsewhere.example/login?ticket=abc123")));

    FlowServiceException e =
        assertThrows(
            FlowServiceException.class, () -> TestClients.api(server.baseUrl(), sleeper).get("c1"));

    assertEquals(
        "HTTP 307: "
            + host()
            + " redirected GET "
            + path
            + " to https://elsewhere.example:443/login; flowform follows no redirect",
        e.getMessage());
    assertFalse(e.getMessage().contains("abc123"));
  }

  @Test
  void aRedirectAfterACreateLeavesItsOutcomeUnknown() {
    server.stubFor(
        post(PATH + "/connections")
            .willReturn(aResponse().withStatus(303).withHeader("Location", "/elsewhere")));

    assertThrows(
        UnknownOutcomeException.class,
        () -> TestClients.api(server.baseUrl(), sleeper).create(TestClients.hubspot("HubSpot eu")));
  }
}
