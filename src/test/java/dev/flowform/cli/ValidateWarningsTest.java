package dev.flowform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateWarningsTest {
  @TempDir Path project;

  private void write(String relative, String text) throws IOException {
    Path file = project.resolve("manifests").resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void aConnectionForNoEnvironmentIsAWarningAtItsEnvironmentsList() throws IOException {
    write(
        "environments/local.yaml",
        """
        apiVersion: flowform/v1
        kind: Environment
        metadata:
          name: local
        spec:
          sandbox: local
          orgId: 0000LOCAL@AdobeOrg
          endpoint: embedded
        """);
    write(
        "connections/retired.yaml",
        """
        apiVersion: flowform/v1
        kind: HubSpotConnection
        metadata:
          name: retired
          environments: []
        spec:
          name: Retired
          auth:
            params:
              clientId: x
              clientSecret: ${env:S}
              accessToken: ${env:S}
              refreshToken: ${env:S}
        """);

    CliRun run = CliRun.run(project, Map.of(), "validate");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(
        run.err()
            .contains(
                "manifests/connections/retired.yaml:5:17: warning: metadata.environments is empty:"
                    + " this connection applies to no environment"),
        run.err());
  }
}
