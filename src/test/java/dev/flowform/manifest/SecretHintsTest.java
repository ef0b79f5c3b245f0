package dev.flowform.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.diag.Diagnostic;
import dev.flowform.registry.Kinds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hints that say where a secret belongs name the secret fields of the document in question, as
 * its connector's spec marks them: never HubSpot's in a Salesforce connection.
 */
class SecretHintsTest {
  @TempDir Path work;

  private static final String ENVIRONMENT =
      """
      apiVersion: flowform/v1
      kind: Environment
      metadata: {name: dev}
      spec: {sandbox: dev, orgId: O@AdobeOrg, endpoint: embedded}
      """;

  private static final String SALESFORCE_SPEC =
      """
      {"id": "cfc0fee1-7dc0-40ef-b73e-d8b134c436f5", "name": "salesforce", "version": "1.0",
       "authSpec": [{"name": "Basic Authentication", "type": "Basic",
         "spec": {"type": "object", "properties": {
           "username": {"type": "string"},
           "password": {"type": "string", "format": "password"},
           "securityToken": {"type": "string", "format": "password"}}}}],
       "sourceSpec": {"type": "object", "properties": {"tableName": {"type": "string"}}}}
      """;

  private static String salesforce(String description, String username) {
    return """
        apiVersion: flowform/v1
        kind: Connection
        metadata: {name: crm}
        spec:
          name: Salesforce
          description: "%s"
          connector: salesforce
          auth:
            params:
              username: "%s"
              password: ${env:SF_PASSWORD}
              securityToken: ${env:SF_TOKEN}
        """
        .formatted(description, username);
  }

  private List<Diagnostic> load(String... documents) throws IOException {
    Path dir = work.resolve("manifests");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("environment.yaml"), ENVIRONMENT);
    for (int i = 0; i < documents.length; i++) {
      Files.writeString(dir.resolve("d" + i + ".yaml"), documents[i]);
    }
    Path specs = work.resolve("specs/connections");
    Files.createDirectories(specs);
    Files.writeString(specs.resolve("salesforce.json"), SALESFORCE_SPEC);
    return new ManifestLoader(
            work,
            Map.of(
                "SF_PASSWORD",
                "pw-not-real",
                "SF_TOKEN",
                "token-not-real",
                "GITHUB_TOKEN",
                "ghp-not-real"),
            List.of(),
            v -> {},
            Kinds.all().manifests())
        .load(Path.of("manifests"), Optional.of("dev"), Resolution.STRICT)
        .diagnostics()
        .all();
  }

  private static Diagnostic about(List<Diagnostic> found, String text) {
    return found.stream()
        .filter(d -> d.message().contains(text))
        .findFirst()
        .orElseThrow(() -> new AssertionError(text + " not in " + found));
  }

  @Test
  void aPrintedFieldOfASalesforceConnectionNamesSalesforcesSecretFields() throws IOException {
    Diagnostic refused =
        about(load(salesforce("${env:GITHUB_TOKEN}", "u")), "GITHUB_TOKEN may not be read here");

    assertTrue(
        refused
            .hint()
            .endsWith(
                "secrets belong in spec.auth.params.password or"
                    + " spec.auth.params.securityToken, its secret fields"),
        refused.hint());
    assertFalse(refused.hint().contains("clientSecret"), refused.hint());
  }

  @Test
  void aFieldReadingASecretsVariableIsWarnedWithTheDocumentsSecretFields() throws IOException {
    Diagnostic warned =
        about(load(salesforce("CRM", "${env:SF_PASSWORD}")), "reads the environment variable");

    assertEquals(
        "secrets belong in spec.auth.params.password or spec.auth.params.securityToken, its"
            + " secret fields",
        warned.hint());
  }

  @Test
  void aDocumentWithoutSecretFieldsSaysSoAndPointsAtAConnection() throws IOException {
    String source =
        """
        apiVersion: flowform/v1
        kind: SourceConnection
        metadata: {name: accounts}
        spec: {name: "${env:GITHUB_TOKEN}", baseConnection: crm, params: {tableName: Account}}
        """;

    Diagnostic refused =
        about(load(salesforce("CRM", "u"), source), "GITHUB_TOKEN may not be read here");

    assertTrue(refused.hint().contains("this document has no secret field"), refused.hint());
    assertTrue(refused.hint().contains("flowform specs show CONNECTOR"), refused.hint());
  }
}
