package dev.flowform.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/**
 * A hand-scripted platform (WireMock) for behaviours the emulator does not have: it grants any
 * token, and a test stubs the Flow Service calls it needs under {@link #PATH}.
 */
final class FakePlatform {
  static final String PATH = "/data/foundation/flowservice";
  static final String SPEC = "cc6a4487-9e91-433e-a3a3-9cf6626c1806";

  private FakePlatform() {}

  /** Points the workspace's environment {@code test} at the server, and grants tokens. */
  static void serve(WireMockExtension server, Workspace ws) {
    server.stubFor(
        post(urlPathEqualTo("/ims/token/v3"))
            .willReturn(okJson("{\"access_token\":\"fake-token\",\"expires_in\":86399}")));
    String base = "http://127.0.0.1:" + server.getPort();
    ws.write(
        "environments/test.yaml",
        """
        apiVersion: flowform/v1
        kind: Environment
        metadata:
          name: test
        spec:
          sandbox: %s
          orgId: %s
          endpoint: %s%s
          credentials:
            clientId: ${env:AEP_CLIENT_ID}
            clientSecret: ${env:AEP_CLIENT_SECRET}
            imsEndpoint: %s/ims/token/v3
        """
            .formatted(Workspace.SANDBOX, Workspace.ORG, base, PATH, base));
  }

  /** A HubSpot connection item as a list or a read answers it. */
  static String item(String id, String name) {
    return """
        {"id":"%s","etag":"\\"e-%s\\"","name":"%s","state":"enabled","createdAt":1764324000000,
         "connectionSpec":{"id":"%s","version":"1.0"},
         "auth":{"specName":"Basic Authentication","params":{"clientId":"hubspot-app-conn-000"}}}
        """
        .formatted(id, id, name, SPEC);
  }
}
