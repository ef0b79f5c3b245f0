package dev.flowform.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.flowform.cli.CliRun;
import dev.flowform.emulator.EmulatorConfig;
import dev.flowform.emulator.FlowServiceEmulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A platform that pages by 2 and whose next link holds only the continuation token: later pages
 * must still be asked with the name filter, and what comes back is counted once per id.
 */
class PagingIT {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;

  @Test
  void threeConnectionsOfOneNameOnAPlatformThatPagesByTwoAreThreeIds() throws Exception {
    Workspace ws;
    try (FlowServiceEmulator unused = FlowServiceEmulator.start(EmulatorConfig.defaults())) {
      ws = Numbered.connections(new Workspace(dir, unused), 1);
    }
    FakePlatform.serve(server, ws);
    String name = "HubSpot 000";
    String connections = FakePlatform.PATH + "/connections";
    // the filtered pages: a, b, then c
    server.stubFor(
        get(urlPathEqualTo(connections))
            .atPriority(1)
            .withQueryParam("property", equalTo("name==" + name))
            .withQueryParam("continuationToken", absent())
            .willReturn(
                okJson(
                    page(
                        "/connections?continuationToken=p2",
                        FakePlatform.item("a", name),
                        FakePlatform.item("b", name)))));
    server.stubFor(
        get(urlPathEqualTo(connections))
            .atPriority(1)
            .withQueryParam("property", equalTo("name==" + name))
            .withQueryParam("continuationToken", equalTo("p2"))
            .willReturn(okJson(page(null, FakePlatform.item("c", name)))));
    // what the same tokens give without the filter: the list restarts over every connection
    server.stubFor(
        get(urlPathEqualTo(connections))
            .atPriority(5)
            .withQueryParam("continuationToken", equalTo("p2"))
            .willReturn(
                okJson(
                    page(
                        "/connections?continuationToken=p3",
                        FakePlatform.item("c", name),
                        FakePlatform.item("a", name)))));
    server.stubFor(
        get(urlPathEqualTo(connections))
            .atPriority(5)
            .withQueryParam("continuationToken", equalTo("p3"))
            .willReturn(okJson(page(null, FakePlatform.item("b", name)))));

    CliRun run = ws.run("plan", "--env", "test", "--output", "json");

    assertEquals(0, run.exitCode(), run.out() + run.err());
    JsonNode change = new ObjectMapper().readTree(run.out()).get("changes").get(0);
    assertEquals("conflict", change.get("action").asText());
    List<String> ids = new ArrayList<>();
    change.get("remoteIds").forEach(id -> ids.add(id.asText()));
    assertEquals(List.of("a", "b", "c"), ids);
    server.verify(
        0, getRequestedFor(urlPathEqualTo(connections)).withQueryParam("property", absent()));
  }

  private static String page(String next, String... items) {
    String links = next == null ? "{}" : "{\"next\":{\"href\":\"" + next + "\"}}";
    return "{\"items\":[" + String.join(",", items) + "],\"_links\":" + links + "}";
  }
}
