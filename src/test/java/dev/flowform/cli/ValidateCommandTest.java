package dev.flowform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code flowform validate} on the example manifests and on bad input. */
class ValidateCommandTest {
  private static final Path PROJECT = Path.of("");

  private static Map<String, String> devSecrets() {
    Map<String, String> env = new HashMap<>();
    for (String name :
        new String[] {
          "AEP_ORG_ID",
          "AEP_CLIENT_ID",
          "AEP_CLIENT_SECRET",
          "HUBSPOT_MARKETING_CLIENT_SECRET",
          "HUBSPOT_MARKETING_ACCESS_TOKEN",
          "HUBSPOT_MARKETING_REFRESH_TOKEN",
          "HUBSPOT_SALES_CLIENT_SECRET",
          "HUBSPOT_SALES_ACCESS_TOKEN",
          "HUBSPOT_SALES_REFRESH_TOKEN"
        }) {
      env.put(name, "value-of-" + name);
    }
    return env;
  }

  @Test
  void theExamplesAreValidWithoutAnEnvironment() {
    CliRun run = CliRun.run(PROJECT, Map.of(), "validate");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(
        "manifests valid: 3 connections, 4 pipeline resources, 4 environments\n", run.out());
  }

  @Test
  void outputJsonIsOneResultWithEveryDiagnostic() throws Exception {
    CliRun run = CliRun.run(PROJECT, Map.of(), "validate", "--env", "local", "--output", "json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode result = new ObjectMapper().readTree(run.out());
    assertMatchesSchema(result);
    assertTrue(result.get("valid").asBoolean(), run.out());
    assertEquals("local", result.get("environment").asText(), run.out());
    assertEquals(1, result.get("connections").asInt(), run.out());
    assertEquals(3, result.get("warningCount").asInt(), run.out());
    assertEquals(3, result.get("diagnostics").size(), run.out());
    assertEquals("warning", result.get("diagnostics").get(0).get("severity").asText());

    CliRun missing = CliRun.run(PROJECT, Map.of(), "validate", "--env", "dev", "--output", "json");
    assertEquals(1, missing.exitCode(), missing.err());
    JsonNode refused = new ObjectMapper().readTree(missing.out());
    assertMatchesSchema(refused);
    assertFalse(refused.get("valid").asBoolean(), missing.out());
    assertTrue(refused.get("errorCount").asInt() > 0, missing.out());
    assertTrue(refused.get("diagnostics").get(0).has("file"), missing.out());
  }

  @Test
  void outputJsonWithoutAnEnvironmentCountsEnvironments() throws Exception {
    CliRun run = CliRun.run(PROJECT, Map.of(), "validate", "--output", "json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode result = new ObjectMapper().readTree(run.out());
    assertMatchesSchema(result);
    assertTrue(result.get("environment").isNull(), run.out());
    assertEquals(4, result.get("environments").asInt(), run.out());
  }

  private static void assertMatchesSchema(JsonNode result) throws Exception {
    try (InputStream in = Files.newInputStream(Path.of("schemas/validate-result.schema.json"))) {
      JsonSchema schema =
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
      Set<ValidationMessage> problems = schema.validate(result);
      assertTrue(problems.isEmpty(), problems + " in " + result);
    }
  }

  @Test
  void theLocalEnvironmentNeedsNoEnvironmentVariablesAndWarnsAboutItsLiteralSecrets() {
    CliRun run = CliRun.run(PROJECT, Map.of(), "validate", "--env", "local");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(
        "manifests valid: 1 connection and 4 pipeline resources for environment local\n",
        run.out());
    assertEquals(3, run.err().lines().filter(l -> l.contains(": warning: ")).count(), run.err());
    assertFalse(run.err().contains("demo-client-secret-not-real"), "no secret value is printed");
  }

  @Test
  void devIsValidOnceItsSecretsAreSet() {
    CliRun run = CliRun.run(PROJECT, devSecrets(), "validate", "--env", "dev");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("manifests valid: 2 connections for environment dev\n", run.out());
    assertEquals("", run.err());
  }

  @Test
  void theEnvironmentCanComeFromFlowformEnv() {
    Map<String, String> env = devSecrets();
    env.put("FLOWFORM_ENV", "stage");
    CliRun run = CliRun.run(PROJECT, env, "validate");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("manifests valid: 1 connection for environment stage\n", run.out());
  }

  @Test
  void everyUnsetReferenceIsAnErrorAndTheExitCodeIsOne() {
    CliRun run = CliRun.run(PROJECT, Map.of(), "validate", "--env", "dev");
    assertEquals(1, run.exitCode());
    assertEquals("", run.out());
    assertTrue(
        run.err()
            .contains(
                "manifests/environments/dev.yaml:8:10: error: ${env:AEP_ORG_ID}: environment"
                    + " variable AEP_ORG_ID is not set\n"),
        run.err());
    assertTrue(run.err().endsWith("9 error(s), 0 warning(s)\n"), run.err());
  }

  @Test
  void anUnknownEnvironmentListsTheKnownOnes() {
    CliRun run = CliRun.run(PROJECT, Map.of(), "validate", "--env", "qa");
    assertEquals(1, run.exitCode());
    assertTrue(
        run.err()
            .startsWith(
                "manifests: error: unknown environment 'qa' (known environments: dev, local, prod,"
                    + " stage)\n"),
        run.err());
  }

  @Test
  void badInputInAnotherFolderIsReportedWithPathsRelativeToTheWorkingFolder() {
    CliRun run =
        CliRun.run(
            PROJECT,
            Map.of(),
            "validate",
            "--dir",
            "src/test/resources/bad/unknown-field-with-hint/manifests");
    assertEquals(1, run.exitCode());
    assertEquals(
        "src/test/resources/bad/unknown-field-with-hint/manifests/connections/a.yaml:7:3: error:"
            + " unknown field 'descripton' in spec (did you mean 'description'?)\n"
            + "1 error(s), 0 warning(s)\n",
        run.err());
  }
}
