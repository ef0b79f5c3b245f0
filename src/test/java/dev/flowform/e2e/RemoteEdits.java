package dev.flowform.e2e;

import dev.flowform.emulator.EmulatedConnection;
import dev.flowform.emulator.FlowServiceEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Changes made to the platform behind flowform's back, as a person in the AEP UI would. */
final class RemoteEdits {
  private RemoteEdits() {}

  static void rename(
      FlowServiceEmulator emulator,
      String org,
      String sandbox,
      EmulatedConnection connection,
      String newName)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(emulator.flowServiceUrl() + "/connections/" + connection.id()))
            .method(
                "PATCH",
                HttpRequest.BodyPublishers.ofString(
                    "[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"" + newName + "\"}]"))
            .header("Authorization", "Bearer " + emulator.issueToken("someone-else"))
            .header("x-api-key", "someone-else")
            .header("x-gw-ims-org-id", org)
            .header("x-sandbox-name", sandbox)
            .header("Content-Type", "application/json")
            .header("If-Match", connection.etag())
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError("rename failed: " + response.statusCode() + " " + response.body());
    }
  }
}
