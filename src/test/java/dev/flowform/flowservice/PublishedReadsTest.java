package dev.flowform.flowservice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.flowform.flowservice.TestClients.PATH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the platform publishes (flow specs) is read once a run; its resources every time. */
class PublishedReadsTest {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final PlatformResources platform =
      TestClients.api(server.baseUrl(), new RecordingSleeper()).resources();

  @Test
  void readsAFlowSpecOnceForEveryDataflowOfTheRun() {
    server.stubFor(
        get(urlPathEqualTo(PATH + "/flowSpecs/fs1"))
            .willReturn(
                okJson(
                    "{\"items\":[{\"id\":\"fs1\",\"name\":\"CRMToAEP\",\"version\":\"1.0\"}]}")));

    JsonNode first = platform.get(Collection.FLOW_SPECS, "fs1").orElseThrow();
    ((ObjectNode) first).put("name", "changed by a caller");
    JsonNode second = platform.get(Collection.FLOW_SPECS, "fs1").orElseThrow();

    assertEquals("CRMToAEP", second.path("name").asText(), "each caller gets its own copy");
    server.verify(1, getRequestedFor(urlPathEqualTo(PATH + "/flowSpecs/fs1")));
  }

  @Test
  void readsAResourceEachTimeItIsAsked() {
    server.stubFor(
        get(urlPathEqualTo(PATH + "/flows/f1"))
            .willReturn(okJson("{\"items\":[{\"id\":\"f1\"}]}")));

    platform.get(Collection.FLOWS, "f1");
    platform.get(Collection.FLOWS, "f1");

    server.verify(2, getRequestedFor(urlPathEqualTo(PATH + "/flows/f1")));
  }

  @Test
  void keepsNoFailedRead() {
    server.stubFor(
        get(urlPathEqualTo(PATH + "/flowSpecs/fs2"))
            .inScenario("flaky")
            .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
            .willReturn(aResponse().withStatus(400).withBody("{\"code\":\"1100-400\"}"))
            .willSetStateTo("fixed"));
    server.stubFor(
        get(urlPathEqualTo(PATH + "/flowSpecs/fs2"))
            .inScenario("flaky")
            .whenScenarioStateIs("fixed")
            .willReturn(okJson("{\"items\":[{\"id\":\"fs2\"}]}")));

    assertThrows(RuntimeException.class, () -> platform.get(Collection.FLOW_SPECS, "fs2"));
    assertEquals(
        "fs2", platform.get(Collection.FLOW_SPECS, "fs2").orElseThrow().path("id").asText());
    server.verify(2, getRequestedFor(urlPathEqualTo(PATH + "/flowSpecs/fs2")));
  }
}
