package dev.flowform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ${file:}} stays inside the project, a value read from a secret's source is a secret
 * wherever it is used, and a secret field takes references only: through the real command line.
 */
class FileReferenceCommandTest {
  private static final String SECRET = "hs-SECRET-client-9f8e7d";

  @TempDir Path root;
  private Path project;
  private final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void project() throws IOException {
    project = Files.createDirectories(root.resolve("project"));
    env.put("HS_SECRET", SECRET);
    env.put("HS_ACCESS", "hs-ACCESS-token-1234");
    env.put("HS_REFRESH", "hs-REFRESH-token-5678");
    write(
        "manifests/environments/local.yaml",
        """
        apiVersion: flowform/v1
        kind: Environment
        metadata: {name: local}
        spec:
          sandbox: local
          orgId: LOCAL@AdobeOrg
          endpoint: embedded
        """);
    write(".secrets/access", "hs-ACCESS-token-1234\n");
    Files.writeString(root.resolve("outside.txt"), "outside-the-project-4242");
  }

  private void write(String relative, String text) throws IOException {
    Path file = project.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private void connection(String clientId, String description, String clientSecret)
      throws IOException {
    write(
        "manifests/connections/crm.yaml",
        """
        apiVersion: flowform/v1
        kind: HubSpotConnection
        metadata: {name: crm}
        spec:
          name: HubSpot CRM
          description: "%s"
          auth:
            params:
              clientId: "%s"
              clientSecret: "%s"
              accessToken: ${file:../../.secrets/access}
              refreshToken: ${env:HS_REFRESH}
        """
            .formatted(description, clientId, clientSecret));
  }

  private CliRun run(String... args) {
    return CliRun.run(project, env, args);
  }

  @Test
  void aFileOutsideTheProjectIsAValidationErrorAtItsReference() throws IOException {
    connection("app", "${file:../../../outside.txt}", "${env:HS_SECRET}");

    CliRun run = run("validate", "--env", "local");

    assertEquals(1, run.exitCode(), run.err());
    assertTrue(
        run.err()
            .contains(
                "manifests/connections/crm.yaml:6:17: error: ${file:../../../outside.txt}:"
                    + " cannot read file (the path leads outside the project)"),
        run.err());
    assertFalse(run.err().contains("outside-the-project-4242"));
  }

  @Test
  void procSelfEnvironCannotBePrintedThroughAnyField() throws IOException {
    connection("${file:/proc/self/environ}", "${file:/proc/self/environ}", "${env:HS_SECRET}");

    CliRun plan = run("plan", "--env", "local", "--refresh=false", "--output", "markdown");

    assertEquals(1, plan.exitCode(), plan.err());
    assertTrue(plan.err().contains("an absolute path is not allowed"), plan.err());
    assertFalse((plan.out() + plan.err()).contains(SECRET));
    assertFalse((plan.out() + plan.err()).contains("HS_REFRESH="));
  }

  @Test
  void aFolderAllowedExplicitlyIsReadAndReported() throws IOException {
    connection("app", "${file:../../../outside.txt}", "${env:HS_SECRET}");

    CliRun run = run("validate", "--env", "local", "--allow-file-root", "..");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(
        run.err().contains("${file:} may read in this folder, outside the project"), run.err());
  }

  @Test
  void aClientIdFromTheSourceOfASecretIsPrintedAsSensitiveWithAWarning() throws IOException {
    connection("${env:HS_SECRET}", "Managed", "${env:HS_SECRET}");

    CliRun plan = run("plan", "--env", "local", "--refresh=false", "--output", "markdown");

    assertEquals(0, plan.exitCode(), plan.err());
    assertFalse((plan.out() + plan.err()).contains(SECRET), plan.out());
    assertTrue(plan.out().contains("(sensitive)"), plan.out());
    assertTrue(
        plan.err().contains("spec.auth.params.clientId reads the environment variable or file"),
        plan.err());
  }

  @Test
  void aSecretFieldWithALiteralPrefixIsRejectedLikeALiteral() throws IOException {
    write(
        "manifests/environments/local.yaml",
        """
        apiVersion: flowform/v1
        kind: Environment
        metadata: {name: local}
        spec:
          sandbox: local
          orgId: LOCAL@AdobeOrg
          endpoint: https://platform.adobe.io/data/foundation/flowservice
          credentials:
            clientId: app
            clientSecret: ${env:HS_SECRET}
        """);
    connection("app", "Managed", "abc${env:HS_SECRET}");

    CliRun run = run("validate", "--env", "local");

    assertEquals(1, run.exitCode(), run.err());
    assertTrue(
        run.err()
            .contains(
                "crm.yaml:10:21: error: spec.auth.params.clientSecret is sensitive and must be"
                    + " ${env:} or ${file:} references only"),
        run.err());
  }
}
