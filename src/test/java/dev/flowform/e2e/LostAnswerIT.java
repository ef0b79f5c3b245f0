package dev.flowform.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.flowform.cli.CliRun;
import dev.flowform.emulator.EmulatorConfig;
import dev.flowform.emulator.FlowServiceEmulator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A create lands but its answer is lost (504), and the platform's name search shows it only after
 * two more lookups: apply keeps looking through the settling window and adopts it, never POSTing it
 * a second time.
 */
class LostAnswerIT {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;

  @Test
  void aCreateTheSearchShowsLateIsAdoptedNotSentAgain() {
    Workspace ws;
    try (FlowServiceEmulator unused = FlowServiceEmulator.start(EmulatorConfig.defaults())) {
      ws = Numbered.connections(new Workspace(dir, unused), 1);
    }
    FakePlatform.serve(server, ws);
    String name = "HubSpot 000";
    String connections = FakePlatform.PATH + "/connections";
    server.stubFor(
        post(urlPathEqualTo(connections))
            .inScenario("create")
            .whenScenarioStateIs(STARTED)
            .willSetStateTo("landed")
            .willReturn(
                aResponse()
                    .withStatus(504)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"type\":\"https://ns.adobe.com/aep/errors/FLOW-1104-504\","
                            + "\"title\":\"Gateway timeout\",\"status\":504}")));
    server.stubFor(
        post(urlPathEqualTo(connections))
            .inScenario("create")
            .whenScenarioStateIs("landed")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"id\":\"duplicate\",\"etag\":\"\\\"d1\\\"\"}")));
    searchLagging(connections, name, STARTED, "second look");
    searchLagging(connections, name, "second look", "visible");
    server.stubFor(
        get(urlPathEqualTo(connections))
            .inScenario("search")
            .whenScenarioStateIs("visible")
            .withQueryParam("property", equalTo("name==" + name))
            .willReturn(okJson("{\"items\":[" + FakePlatform.item("landed", name) + "]}")));
    server.stubFor(
        patch(urlPathEqualTo(connections + "/landed"))
            .willReturn(okJson("{\"id\":\"landed\",\"etag\":\"\\\"e2\\\"\"}")));

    CliRun run =
        ws.run("apply", "--env", "test", "--auto-approve", "--refresh=false", "--no-color");

    assertEquals(0, run.exitCode(), run.out() + run.err());
    server.verify(1, postRequestedFor(urlPathEqualTo(connections)));
    assertTrue(ws.read(ws.stateFile()).contains("\"landed\""), ws.read(ws.stateFile()));
  }

  private void searchLagging(String connections, String name, String state, String next) {
    server.stubFor(
        get(urlPathEqualTo(connections))
            .inScenario("search")
            .whenScenarioStateIs(state)
            .willSetStateTo(next)
            .withQueryParam("property", equalTo("name==" + name))
            .willReturn(okJson("{\"items\":[]}")));
  }
}
