package dev.flowform.flowservice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.flowform.flowservice.TestClients.PATH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Error answers of each call become one FlowServiceException with a hint. */
class FlowServiceErrorsTest {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final FlowServiceApi api = TestClients.api(server.baseUrl(), sleeper);

  private static String flowError(String code, String title) {
    return "{\"type\":\"https://ns.adobe.com/aep/errors/FLOW-"
        + code
        + "\",\"title\":\""
        + title
        + "\",\"status\":400,\"report\":{\"detailed-message\":\"d\",\"request-id\":\"r-7\"}}";
  }

  @Test
  void aRefusedCreateIsAPlainErrorSentOnce() {
    server.stubFor(
        post(PATH + "/connections")
            .willReturn(
                aResponse().withStatus(400).withBody(flowError("1413-400", "Invalid spec id"))));

    FlowServiceException e =
        assertThrows(
            FlowServiceException.class, () -> api.create(TestClients.hubspot("HubSpot eu")));

    assertFalse(e instanceof UnknownOutcomeException);
    assertEquals("1413-400", e.code());
    assertEquals("r-7", e.requestId());
    assertTrue(e.hint().contains("cc6a4487"), e.hint());
    server.verify(1, postRequestedFor(urlEqualTo(PATH + "/connections")));
  }

  @Test
  void aStaleEtagSaysToRefresh() {
    server.stubFor(
        patch(urlEqualTo(PATH + "/connections/c1"))
            .willReturn(
                aResponse().withStatus(412).withBody(flowError("1404-412", "Version mismatch"))));

    FlowServiceException e =
        assertThrows(
            FlowServiceException.class,
            () -> api.update("c1", "\"old\"", List.of(PatchOperation.replace("/name", "n"))));

    assertEquals(412, e.status());
    assertTrue(e.hint().contains("run flowform refresh"), e.hint());
    assertTrue(sleeper.delays().isEmpty());
  }

  @Test
  void aConnectionInUseCannotBeDeleted() {
    server.stubFor(
        delete(PATH + "/connections/c1")
            .willReturn(aResponse().withStatus(400).withBody(flowError("1418-400", "In use"))));

    FlowServiceException e = assertThrows(FlowServiceException.class, () -> api.delete("c1"));

    assertEquals("1418-400", e.code());
    assertTrue(e.hint().contains("dataflows"), e.hint());
  }

  @Test
  void aMissingTokenAtTheGatewayIsNotRetried() {
    server.stubFor(
        get(PATH + "/connections/c1")
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withBody(
                        "{\"error_code\":\"403010\",\"message\":\"Oauth token is missing.\"}")));

    FlowServiceException e = assertThrows(FlowServiceException.class, () -> api.get("c1"));

    assertEquals("403010", e.code());
    assertTrue(sleeper.delays().isEmpty());
  }

  @Test
  void aSuccessThatIsNotJsonIsAnError() {
    server.stubFor(
        get(PATH + "/connections/c1").willReturn(aResponse().withStatus(200).withBody("<html>")));

    FlowServiceException e = assertThrows(FlowServiceException.class, () -> api.get("c1"));

    assertTrue(e.getMessage().contains("not JSON"), e.getMessage());
  }

  @Test
  void aCreateAnswerWithoutAnIdIsAnUnknownOutcome() {
    server.stubFor(post(PATH + "/connections").willReturn(aResponse().withStatus(201)));

    assertThrows(
        UnknownOutcomeException.class, () -> api.create(TestClients.hubspot("HubSpot eu")));
  }

  @Test
  void aMissingSandboxIsAnErrorNotAMissingConnection() {
    server.stubFor(
        get(PATH + "/connections/c1")
            .willReturn(
                aResponse().withStatus(404).withBody(flowError("2100-404", "Sandbox not found"))));

    FlowServiceException e = assertThrows(FlowServiceException.class, () -> api.get("c1"));

    assertEquals("2100-404", e.code());
    assertTrue(e.hint().contains("spec.sandbox"), e.hint());
  }

  @Test
  void anHtml404OfAWrongEndpointDoesNotCountAsDeleted() {
    server.stubFor(
        delete(PATH + "/connections/c1")
            .willReturn(aResponse().withStatus(404).withBody("<html>Not Found</html>")));

    FlowServiceException e = assertThrows(FlowServiceException.class, () -> api.delete("c1"));

    assertEquals(404, e.status());
  }
}
