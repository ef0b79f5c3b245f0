package dev.flowform.flowservice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.flowform.flowservice.TestClients.PATH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.flowform.testing.HandClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tokens: the IMS exchange, caching, and one renewal on a 401. */
class TokenTest {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String IMS = "/ims/token/v3";
  private static final String ITEMS = "{\"items\":[{\"id\":\"c1\",\"name\":\"n\"}]}";
  private static final String EXPIRED =
      "{\"error_code\":\"401013\",\"message\":\"Oauth token is not valid\"}";

  private final HandClock clock = new HandClock(TestClients.NOW);
  private final FlowServiceClients clients =
      TestClients.clients(
          TestClients.config(server.baseUrl()), new RecordingSleeper(), Optional.empty(), clock);

  private static void imsGrants(String... tokens) {
    String state = STARTED;
    for (int i = 0; i < tokens.length; i++) {
      String next = "granted-" + i;
      server.stubFor(
          post(IMS)
              .inScenario("ims")
              .whenScenarioStateIs(state)
              .willReturn(
                  okJson(
                      "{\"access_token\":\""
                          + tokens[i]
                          + "\",\"token_type\":\"bearer\",\"expires_in\":86399}"))
              .willSetStateTo(next));
      state = next;
    }
  }

  private static void serviceAccepts(String token) {
    server.stubFor(
        get(PATH + "/connections/c1")
            .withHeader("Authorization", equalTo("Bearer " + token))
            .willReturn(okJson(ITEMS)));
  }

  private static void serviceRefuses(String token, String body) {
    server.stubFor(
        get(PATH + "/connections/c1")
            .withHeader("Authorization", equalTo("Bearer " + token))
            .willReturn(aResponse().withStatus(401).withBody(body)));
  }

  @Test
  void theImsExchangePostsTheClientCredentialsForm() {
    imsGrants("ims-token-1");

    assertEquals("ims-token-1", clients.imsTokens(TestClients.ims(server.baseUrl())).token());

    server.verify(
        1,
        postRequestedFor(urlEqualTo(IMS))
            .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
            .withHeader("User-Agent", equalTo(TestClients.USER_AGENT))
            .withHeader("Authorization", absent())
            .withFormParam("grant_type", equalTo("client_credentials"))
            .withFormParam("client_id", equalTo(TestClients.API_KEY))
            .withFormParam("client_secret", equalTo(TestClients.IMS_SECRET))
            .withFormParam("scope", equalTo("openid,AdobeID,read_organizations")));
  }

  @Test
  void theTokenIsFetchedOnceForManyCalls() {
    imsGrants("ims-token-1");
    serviceAccepts("ims-token-1");
    FlowServiceApi api = clients.api(clients.imsTokens(TestClients.ims(server.baseUrl())));

    api.get("c1");
    api.get("c1");
    api.get("c1");

    server.verify(1, postRequestedFor(urlEqualTo(IMS)));
    server.verify(3, getRequestedFor(urlEqualTo(PATH + "/connections/c1")));
  }

  @Test
  void aTokenNearItsEndIsFetchedAgain() {
    imsGrants("ims-token-1", "ims-token-2");
    TokenSource tokens = clients.imsTokens(TestClients.ims(server.baseUrl()));

    assertEquals("ims-token-1", tokens.token());
    clock.advance(Duration.ofHours(23));
    assertEquals("ims-token-1", tokens.token());
    clock.advance(Duration.ofMinutes(59));
    assertEquals("ims-token-2", tokens.token());
  }

  @Test
  void aRejectedTokenIsRenewedOnceAndTheCallSentAgain() {
    imsGrants("ims-token-1", "ims-token-2");
    serviceRefuses("ims-token-1", EXPIRED);
    serviceAccepts("ims-token-2");
    FlowServiceApi api = clients.api(clients.imsTokens(TestClients.ims(server.baseUrl())));

    assertEquals("n", api.get("c1").orElseThrow().name());

    server.verify(2, postRequestedFor(urlEqualTo(IMS)));
    server.verify(2, getRequestedFor(urlEqualTo(PATH + "/connections/c1")));
  }

  @Test
  void callersRefusedWithAnAlreadyRenewedTokenShareTheRenewal() {
    imsGrants("ims-token-1", "ims-token-2", "ims-token-3");
    TokenSource tokens = clients.imsTokens(TestClients.ims(server.baseUrl()));

    String first = tokens.token();
    assertEquals(Optional.of("ims-token-2"), tokens.renew(first));
    assertEquals(Optional.of("ims-token-2"), tokens.renew(first));

    server.verify(2, postRequestedFor(urlEqualTo(IMS)));
  }

  @Test
  void aTokenRejectedAgainAfterRenewalIsAnErrorWithAHint() {
    imsGrants("ims-token-1", "ims-token-2", "ims-token-3");
    serviceRefuses("ims-token-1", EXPIRED);
    serviceRefuses("ims-token-2", EXPIRED);
    FlowServiceApi api = clients.api(clients.imsTokens(TestClients.ims(server.baseUrl())));

    FlowServiceException e = assertThrows(FlowServiceException.class, () -> api.get("c1"));

    assertEquals(401, e.status());
    assertEquals("401013", e.code());
    assertTrue(e.hint().contains("expired"), e.hint());
    server.verify(2, postRequestedFor(urlEqualTo(IMS)));
    server.verify(2, getRequestedFor(urlEqualTo(PATH + "/connections/c1")));
  }

  @Test
  void aGivenTokenIsNeverRenewed() {
    serviceRefuses(TestClients.TOKEN, EXPIRED);
    FlowServiceApi api = clients.api(TokenSource.fixed(TestClients.TOKEN));

    FlowServiceException e = assertThrows(FlowServiceException.class, () -> api.get("c1"));

    assertEquals("401013", e.code());
    server.verify(1, getRequestedFor(urlEqualTo(PATH + "/connections/c1")));
    server.verify(0, postRequestedFor(urlEqualTo(IMS)));
  }

  @Test
  void aRefusalAboutTheOrgDoesNotRenewTheToken() {
    imsGrants("ims-token-1", "ims-token-2");
    serviceRefuses(
        "ims-token-1",
        "{\"type\":\"https://ns.adobe.com/aep/errors/FLOW-2000-401\",\"title\":\"No access\"}");
    FlowServiceApi api = clients.api(clients.imsTokens(TestClients.ims(server.baseUrl())));

    FlowServiceException e = assertThrows(FlowServiceException.class, () -> api.get("c1"));

    assertEquals("2000-401", e.code());
    server.verify(1, postRequestedFor(urlEqualTo(IMS)));
  }

  @Test
  void anImsRefusalIsAnErrorWithAHintAndNoSecret() {
    server.stubFor(
        post(IMS)
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "{\"error\":\"invalid_client\","
                            + "\"error_description\":\"invalid client_secret parameter\"}")));
    FlowServiceApi api = clients.api(clients.imsTokens(TestClients.ims(server.baseUrl())));

    FlowServiceException e = assertThrows(FlowServiceException.class, () -> api.get("c1"));

    assertEquals(400, e.status());
    assertEquals("invalid_client", e.code());
    assertTrue(e.getMessage().contains("IMS refused"), e.getMessage());
    assertTrue(e.hint().contains("clientSecret"), e.hint());
    assertTrue(!e.getMessage().contains(TestClients.IMS_SECRET));
    server.verify(0, getRequestedFor(urlEqualTo(PATH + "/connections/c1")));
  }

  @Test
  void credentialsImsRefusedAreNotAskedForAgainInTheSameRun() {
    server.stubFor(
        post(IMS)
            .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"invalid_client\"}")));
    FlowServiceApi api = clients.api(clients.imsTokens(TestClients.ims(server.baseUrl())));

    assertThrows(FlowServiceException.class, () -> api.get("c1"));
    FlowServiceException again = assertThrows(FlowServiceException.class, () -> api.get("c2"));

    assertEquals("invalid_client", again.code());
    server.verify(1, postRequestedFor(urlEqualTo(IMS)));
  }

  @Test
  void anImsAnswerWithoutATokenIsAnError() {
    server.stubFor(post(IMS).willReturn(okJson("{\"token_type\":\"bearer\"}")));
    TokenSource tokens = clients.imsTokens(TestClients.ims(server.baseUrl()));

    FlowServiceException e = assertThrows(FlowServiceException.class, tokens::token);
    assertTrue(e.getMessage().contains("access_token"), e.getMessage());
    server.verify(1, postRequestedFor(urlEqualTo(IMS)).withRequestBody(containing("grant_type")));
  }
}
