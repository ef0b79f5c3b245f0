package dev.flowform.flowservice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.flowform.flowservice.TestClients.PATH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What is sent again, when, and what never is. */
class FlowServiceRetriesTest {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String CREATED = "{\"id\":\"c1\",\"etag\":\"\\\"e1\\\"\"}";
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final FlowServiceApi api = TestClients.api(server.baseUrl(), sleeper);

  /** Answers {@code first} once, then {@code then} for ever. */
  private static void firstThen(
      Supplier<MappingBuilder> call,
      ResponseDefinitionBuilder first,
      ResponseDefinitionBuilder then) {
    server.stubFor(
        call.get()
            .inScenario("retry")
            .whenScenarioStateIs(STARTED)
            .willReturn(first)
            .willSetStateTo("answered"));
    server.stubFor(call.get().inScenario("retry").whenScenarioStateIs("answered").willReturn(then));
  }

  @Test
  void aReadIsRetriedAfterA503AndSucceeds() {
    firstThen(
        () -> get(PATH + "/connections/c1"),
        aResponse().withStatus(503),
        okJson("{\"items\":[{\"id\":\"c1\",\"name\":\"n\"}]}"));

    assertEquals("n", api.get("c1").orElseThrow().name());
    server.verify(2, getRequestedFor(urlEqualTo(PATH + "/connections/c1")));
    assertEquals(1, sleeper.delays().size());
  }

  @Test
  void aReadIsRetriedAfterAConnectionReset() {
    firstThen(
        () -> get(PATH + "/connections/c1"),
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        okJson("{\"items\":[{\"id\":\"c1\",\"name\":\"n\"}]}"));

    assertTrue(api.get("c1").isPresent());
    server.verify(2, getRequestedFor(urlEqualTo(PATH + "/connections/c1")));
  }

  @Test
  void aReadGivesUpAfterTheLastAttemptWithTheLastError() {
    server.stubFor(
        get(PATH + "/connections/c1")
            .willReturn(
                aResponse()
                    .withStatus(502)
                    .withBody("{\"error_code\":\"502000\",\"message\":\"Bad gateway\"}")));

    FlowServiceException e = assertThrows(FlowServiceException.class, () -> api.get("c1"));

    assertEquals(502, e.status());
    assertEquals("Bad gateway", e.title());
    server.verify(4, getRequestedFor(urlEqualTo(PATH + "/connections/c1")));
    assertEquals(3, sleeper.delays().size());
  }

  @Test
  void patchAndDeleteAreRetriedOnRateLimitsAndServerErrors() {
    firstThen(
        () -> patch(urlEqualTo(PATH + "/connections/c1")),
        aResponse().withStatus(500),
        okJson("{\"id\":\"c1\",\"etag\":\"e2\"}"));
    server.stubFor(
        delete(PATH + "/connections/c2")
            .inScenario("delete")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2"))
            .willSetStateTo("free"));
    server.stubFor(
        delete(PATH + "/connections/c2")
            .inScenario("delete")
            .whenScenarioStateIs("free")
            .willReturn(aResponse().withStatus(204)));

    assertEquals("e2", api.update("c1", "e1", List.of(PatchOperation.replace("/name", "x"))));
    api.delete("c2");

    server.verify(2, patchRequestedFor(urlEqualTo(PATH + "/connections/c1")));
    server.verify(2, deleteRequestedFor(urlEqualTo(PATH + "/connections/c2")));
    assertEquals(Duration.ofSeconds(2), sleeper.delays().get(1));
  }

  @Test
  void aCreateIsResentAfterA429WaitingWhatRetryAfterAsks() {
    firstThen(
        () -> post(PATH + "/connections"),
        aResponse().withStatus(429).withHeader("Retry-After", "3"),
        aResponse().withStatus(201).withBody(CREATED));

    assertEquals(
        new CreatedConnection("c1", "\"e1\""), api.create(TestClients.hubspot("HubSpot eu")));
    server.verify(2, postRequestedFor(urlEqualTo(PATH + "/connections")));
    assertEquals(List.of(Duration.ofSeconds(3)), sleeper.delays());
  }

  @Test
  void aCreateAnsweredWith504IsAnUnknownOutcomeAndIsNeverResent() {
    server.stubFor(
        post(PATH + "/connections")
            .willReturn(
                aResponse()
                    .withStatus(504)
                    .withHeader("x-request-id", "req-504")
                    .withBody(
                        "{\"type\":\"https://ns.adobe.com/aep/errors/FLOW-1104-504\","
                            + "\"title\":\"Gateway timeout\",\"status\":504}")));

    UnknownOutcomeException e =
        assertThrows(
            UnknownOutcomeException.class, () -> api.create(TestClients.hubspot("HubSpot eu")));

    assertEquals(504, e.status());
    assertEquals("1104-504", e.code());
    assertEquals("req-504", e.requestId());
    server.verify(1, postRequestedFor(urlEqualTo(PATH + "/connections")));
    assertTrue(sleeper.delays().isEmpty());
  }

  @Test
  void aCreateWhoseConnectionIsResetIsAnUnknownOutcome() {
    server.stubFor(
        post(PATH + "/connections")
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    UnknownOutcomeException e =
        assertThrows(
            UnknownOutcomeException.class, () -> api.create(TestClients.hubspot("HubSpot eu")));

    assertEquals(0, e.status());
    server.verify(1, postRequestedFor(urlEqualTo(PATH + "/connections")));
  }

  @Test
  void aCreateThatTimesOutIsAnUnknownOutcome() {
    server.stubFor(
        post(PATH + "/connections")
            .willReturn(aResponse().withStatus(201).withBody(CREATED).withFixedDelay(3_000)));
    FlowServiceApi impatient =
        TestClients.clients(
                TestClients.configBuilder(server.baseUrl())
                    .timeouts(Duration.ofSeconds(2), Duration.ofMillis(200), Duration.ofSeconds(10))
                    .build(),
                sleeper)
            .api(TokenSource.fixed(TestClients.TOKEN));

    assertThrows(
        UnknownOutcomeException.class, () -> impatient.create(TestClients.hubspot("HubSpot eu")));
    server.verify(1, postRequestedFor(urlEqualTo(PATH + "/connections")));
    assertTrue(sleeper.delays().isEmpty());
  }

  @Test
  void aCreateRefusedAtConnectionIsResentOnceTheServiceListens() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    AtomicReference<WireMockServer> late = new AtomicReference<>();
    int closedPort = port;
    RecordingSleeper startsTheServer =
        new RecordingSleeper(
            () -> {
              if (late.get() == null) {
                WireMockServer started = new WireMockServer(wireMockConfig().port(closedPort));
                started.start();
                started.stubFor(
                    post(PATH + "/connections")
                        .willReturn(aResponse().withStatus(201).withBody(CREATED)));
                late.set(started);
              }
            });
    FlowServiceApi refused = TestClients.api("http://127.0.0.1:" + closedPort, startsTheServer);
    try {
      CreatedConnection created = refused.create(TestClients.hubspot("HubSpot eu"));

      assertEquals("c1", created.id());
      assertEquals(1, startsTheServer.delays().size());
      late.get().verify(1, postRequestedFor(urlEqualTo(PATH + "/connections")));
    } finally {
      if (late.get() != null) {
        late.get().stop();
      }
    }
  }

  @Test
  void aCreateNeverAcceptedIsAPlainErrorAfterTheLastAttempt() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    FlowServiceApi refused = TestClients.api("http://127.0.0.1:" + port, sleeper);

    FlowServiceException e =
        assertThrows(
            FlowServiceException.class, () -> refused.create(TestClients.hubspot("HubSpot eu")));

    assertFalse(e instanceof UnknownOutcomeException);
    assertEquals(0, e.status());
    assertEquals(3, sleeper.delays().size());
  }
}
