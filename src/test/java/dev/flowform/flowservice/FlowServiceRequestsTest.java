package dev.flowform.flowservice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.flowform.flowservice.TestClients.PATH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.flowform.model.ConnectionSpecRef;
import dev.flowform.model.RemoteConnection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every request the client sends, pinned: method, path, query, headers and body. */
class FlowServiceRequestsTest {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String ITEM =
      """
      {"id":"2fce94c1","etag":"\\"d403848a\\"","version":"\\"d403848a\\"","name":"HubSpot eu",
       "description":"CRM","state":"enabled","createdAt":1700000000000,
       "connectionSpec":{"id":"cc6a4487-9e91-433e-a3a3-9cf6626c1806","version":"1.0"},
       "auth":{"specName":"Basic Authentication",
               "params":{"clientId":"hubspot-client","clientSecret":"***","portal":42}}}
      """;

  private final FlowServiceApi api = TestClients.api(server.baseUrl(), new RecordingSleeper());

  private static RequestPatternBuilder withCommonHeaders(RequestPatternBuilder request) {
    return request
        .withHeader("Authorization", equalTo("Bearer " + TestClients.TOKEN))
        .withHeader("x-api-key", equalTo(TestClients.API_KEY))
        .withHeader("x-gw-ims-org-id", equalTo(TestClients.ORG))
        .withHeader("x-sandbox-name", equalTo(TestClients.SANDBOX))
        .withHeader("User-Agent", equalTo(TestClients.USER_AGENT))
        .withHeader("Accept", equalTo("application/json"));
  }

  @Test
  void createPostsTheConnectionAndKeepsTheEtagWithItsQuotes() {
    server.stubFor(
        post(PATH + "/connections")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"id\":\"2fce94c1\",\"etag\":\"\\\"d403848a\\\"\"}")));

    CreatedConnection created = api.create(TestClients.hubspot("HubSpot eu"));

    assertEquals(new CreatedConnection("2fce94c1", "\"d403848a\""), created);
    server.verify(
        1,
        withCommonHeaders(postRequestedFor(urlEqualTo(PATH + "/connections")))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    """
                    {"name":"HubSpot eu","description":"Marketing CRM contacts",
                     "auth":{"specName":"Basic Authentication","params":{
                       "clientId":"hubspot-client","clientSecret":"%s",
                       "accessToken":"%s","refreshToken":"%s"}},
                     "connectionSpec":{"id":"cc6a4487-9e91-433e-a3a3-9cf6626c1806","version":"1.0"}}
                    """
                        .formatted(
                            TestClients.HUBSPOT_SECRET,
                            TestClients.HUBSPOT_ACCESS,
                            TestClients.HUBSPOT_REFRESH))));
  }

  @Test
  void createAcceptsA200AndOmitsAnAbsentDescriptionAndVersion() {
    server.stubFor(
        post(PATH + "/connections").willReturn(okJson("{\"id\":\"a1\",\"etag\":\"e1\"}")));
    ConnectionRequest bare =
        new ConnectionRequest(
            "n",
            null,
            new ConnectionSpecRef(ConnectionSpecRef.HUBSPOT_ID, null),
            "Basic Authentication",
            Map.of("clientId", "c"),
            java.util.Set.of());

    assertEquals(new CreatedConnection("a1", "e1"), api.create(bare));
    server.verify(
        postRequestedFor(urlEqualTo(PATH + "/connections"))
            .withRequestBody(
                equalToJson(
                    """
                    {"name":"n","auth":{"specName":"Basic Authentication","params":{"clientId":"c"}},
                     "connectionSpec":{"id":"cc6a4487-9e91-433e-a3a3-9cf6626c1806"}}
                    """)));
  }

  @Test
  void createSendsAParamTheConnectorTypesAsThatType() {
    server.stubFor(
        post(PATH + "/connections").willReturn(okJson("{\"id\":\"a1\",\"etag\":\"e1\"}")));
    ConnectionRequest typed =
        new ConnectionRequest(
            "n",
            null,
            new ConnectionSpecRef("b2e08744-4f1a-40ce-af30-7abac3e23cf3", "1.0"),
            "ConnectionString",
            Map.of("connectionString", "account=a", "port", "443", "ssl", "true", "label", "7"),
            java.util.Set.of("connectionString"),
            Map.of("port", "integer", "ssl", "boolean"));

    api.create(typed);

    server.verify(
        postRequestedFor(urlEqualTo(PATH + "/connections"))
            .withRequestBody(
                equalToJson(
                    """
                    {"name":"n","auth":{"specName":"ConnectionString",
                      "params":{"connectionString":"account=a","port":443,"ssl":true,"label":"7"}},
                     "connectionSpec":{"id":"b2e08744-4f1a-40ce-af30-7abac3e23cf3","version":"1.0"}}
                    """)));
  }

  @Test
  void getUnwrapsTheItemsEnvelopeAndKeepsParamsAsStrings() {
    server.stubFor(
        get(PATH + "/connections/2fce94c1").willReturn(okJson("{\"items\":[" + ITEM + "]}")));

    RemoteConnection found = api.get("2fce94c1").orElseThrow();

    assertEquals(
        new RemoteConnection(
            "2fce94c1",
            "\"d403848a\"",
            "HubSpot eu",
            "CRM",
            ConnectionSpecRef.HUBSPOT,
            "enabled",
            "Basic Authentication",
            Map.of("clientId", "hubspot-client", "clientSecret", "***", "portal", "42"),
            java.time.Instant.ofEpochMilli(1_700_000_000_000L)),
        found);
    server.verify(
        1,
        withCommonHeaders(getRequestedFor(urlEqualTo(PATH + "/connections/2fce94c1")))
            .withHeader("Content-Type", absent()));
  }

  @Test
  void getOfAMissingConnectionIsEmpty() {
    server.stubFor(
        get(PATH + "/connections/gone")
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withBody(
                        "{\"type\":\"https://ns.adobe.com/aep/errors/FLOW-1101-404\","
                            + "\"title\":\"Resource not found\",\"status\":404}")));

    assertEquals(Optional.empty(), api.get("gone"));
  }

  @Test
  void findByNameFiltersByNameAndFollowsEveryPageWithTheFilter() {
    server.stubFor(
        get(urlPathEqualTo(PATH + "/connections"))
            .withQueryParam("property", equalTo("name==HubSpot eu"))
            .willReturn(
                okJson(
                    "{\"items\":["
                        + ITEM
                        + "],"
                        + "\"_links\":{\"next\":{\"href\":\"/connections?continuationToken=t2\"}}}")));
    server.stubFor(
        get(urlPathEqualTo(PATH + "/connections"))
            .withQueryParam("continuationToken", equalTo("t2"))
            .withQueryParam("property", equalTo("name==HubSpot eu"))
            .willReturn(
                okJson(
                    "{\"items\":[{\"id\":\"other\",\"name\":\"HubSpot eu, us\"}],"
                        + "\"_links\":{\"next\":{\"href\":\""
                        + server.baseUrl()
                        + PATH
                        + "/connections?continuationToken=t3\"}}}")));
    server.stubFor(
        get(urlPathEqualTo(PATH + "/connections"))
            .withQueryParam("continuationToken", equalTo("t3"))
            .withQueryParam("property", equalTo("name==HubSpot eu"))
            .willReturn(
                okJson("{\"items\":[" + ITEM.replace("2fce94c1", "second") + "," + ITEM + "]}")));

    List<RemoteConnection> found = api.findByName("HubSpot eu");

    assertEquals(List.of("2fce94c1", "second"), found.stream().map(RemoteConnection::id).toList());
    server.verify(
        3,
        withCommonHeaders(getRequestedFor(urlPathEqualTo(PATH + "/connections")))
            .withQueryParam("property", equalTo("name==HubSpot eu")));
  }

  @Test
  void findByNamesAsksForAnyOfTheNamesInOneFilterAndKeepsOnlyThose() {
    server.stubFor(
        get(urlPathEqualTo(PATH + "/connections"))
            .withQueryParam("property", equalTo("name==HubSpot eu,HubSpot us & ca"))
            .withQueryParam("limit", matching("[0-9]+"))
            .willReturn(
                okJson(
                    "{\"items\":["
                        + ITEM
                        + ","
                        + ITEM.replace("2fce94c1", "us").replace("HubSpot eu", "HubSpot us & ca")
                        + ","
                        + ITEM.replace("2fce94c1", "stray").replace("HubSpot eu", "HubSpot")
                        + "]}")));

    List<RemoteConnection> found = api.findByNames(List.of("HubSpot eu", "HubSpot us & ca"));

    assertEquals(List.of("2fce94c1", "us"), found.stream().map(RemoteConnection::id).toList());
    server.verify(
        1,
        withCommonHeaders(getRequestedFor(urlPathEqualTo(PATH + "/connections")))
            .withQueryParam("property", equalTo("name==HubSpot eu,HubSpot us & ca")));
  }

  @Test
  void aPageWhoseNextLinkDropsTheFilterIsStillAskedWithIt() {
    server.stubFor(
        get(urlPathEqualTo(PATH + "/connections"))
            .atPriority(5)
            .willReturn(okJson("{\"items\":[" + ITEM.replace("2fce94c1", "unfiltered") + "]}")));
    server.stubFor(
        get(urlPathEqualTo(PATH + "/connections"))
            .atPriority(1)
            .withQueryParam("property", equalTo("name==HubSpot eu"))
            .withQueryParam("continuationToken", absent())
            .willReturn(
                okJson(
                    "{\"items\":["
                        + ITEM
                        + "],\"_links\":{\"next\":{\"href\":\"/connections?continuationToken=t2\"}}}")));
    server.stubFor(
        get(urlPathEqualTo(PATH + "/connections"))
            .atPriority(1)
            .withQueryParam("property", equalTo("name==HubSpot eu"))
            .withQueryParam("continuationToken", equalTo("t2"))
            .willReturn(okJson("{\"items\":[" + ITEM + "]}")));

    List<RemoteConnection> found = api.findByName("HubSpot eu");

    assertEquals(List.of("2fce94c1"), found.stream().map(RemoteConnection::id).toList());
  }

  @Test
  void updateSendsIfMatchExactlyAndAJsonPatchAndReturnsTheNewEtag() {
    server.stubFor(
        patch(urlEqualTo(PATH + "/connections/2fce94c1"))
            .willReturn(okJson("{\"id\":\"2fce94c1\",\"etag\":\"\\\"e2\\\"\"}")));

    String etag =
        api.update(
            "2fce94c1",
            "\"d403848a\"",
            List.of(
                PatchOperation.replace("/name", "HubSpot new"),
                PatchOperation.replace("/auth/params", Map.of("clientId", "c2")),
                PatchOperation.remove("/description")));

    assertEquals("\"e2\"", etag);
    server.verify(
        1,
        withCommonHeaders(patchRequestedFor(urlEqualTo(PATH + "/connections/2fce94c1")))
            .withHeader("If-Match", equalTo("\"d403848a\""))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    """
                    [{"op":"replace","path":"/name","value":"HubSpot new"},
                     {"op":"replace","path":"/auth/params","value":{"clientId":"c2"}},
                     {"op":"remove","path":"/description"}]
                    """)));
  }

  @Test
  void deleteSendsADeleteAndCountsA404AsDone() {
    server.stubFor(delete(PATH + "/connections/a").willReturn(aResponse().withStatus(204)));
    server.stubFor(delete(PATH + "/connections/b").willReturn(aResponse().withStatus(404)));

    api.delete("a");
    api.delete("b");

    server.verify(1, withCommonHeaders(deleteRequestedFor(urlEqualTo(PATH + "/connections/a"))));
    server.verify(1, deleteRequestedFor(urlEqualTo(PATH + "/connections/b")));
    assertTrue(server.findAllUnmatchedRequests().isEmpty());
  }
}
