package dev.flowform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest {
  private static final Map<String, String> SECRETS =
      Map.of(
          "FLOWFORM_VAR_HS_SALES_ID", "sales-app",
          "HS_SECRET", "s3cr3t-VALUE-1",
          "HS_ACCESS", "s3cr3t-VALUE-2",
          "HS_REFRESH", "s3cr3t-VALUE-3");

  @TempDir Path root;

  private void environment(String name, String region) throws IOException {
    write(
        "environments/" + name + ".yaml",
        """
        apiVersion: flowform/v1
        kind: Environment
        metadata:
          name: %s
        spec:
          sandbox: %s
          orgId: ${env:AEP_ORG_ID}
          endpoint: embedded
          variables:
            region: %s
        """
            .formatted(name, name, region));
  }

  private void connection(String address, String clientId, String environments) throws IOException {
    write(
        "connections/" + address + ".yaml",
        """
        apiVersion: flowform/v1
        kind: HubSpotConnection
        metadata:
          name: %s
          %s
        spec:
          name: HubSpot %s (${var:region})
          auth:
            params:
              clientId: %s
              clientSecret: ${env:HS_SECRET}
              accessToken: ${env:HS_ACCESS}
              refreshToken: ${env:HS_REFRESH}
        """
            .formatted(address, environments, address, clientId));
  }

  private void write(String relative, String text) throws IOException {
    Path file = root.resolve("manifests").resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  /** dev and stage applied with every secret; then stage's region changes; prod never applied. */
  private void threeEnvironments() throws IOException {
    environment("dev", "eu");
    environment("stage", "eu");
    environment("prod", "us");
    connection("marketing", "marketing-app", "");
    connection("sales", "${env:FLOWFORM_VAR_HS_SALES_ID}", "environments: [dev]");
    Map<String, String> env = new java.util.HashMap<>(SECRETS);
    env.put("AEP_ORG_ID", "0000LOCAL@AdobeOrg");
    assertEquals(0, CliRun.run(root, env, "apply", "--env", "dev", "--auto-approve").exitCode());
    assertEquals(0, CliRun.run(root, env, "apply", "--env", "stage", "--auto-approve").exitCode());
    environment("stage", "apac");
  }

  @Test
  void showsEachConnectionByEachEnvironmentWithoutAnySecretOrVariable() throws IOException {
    threeEnvironments();
    CliRun run = CliRun.run(root, Map.of(), "status", "--environments", "dev,stage,prod");
    assertEquals(0, run.exitCode(), run.err());
    String[] lines = run.out().split("\n");
    assertEquals("CONNECTION   DEV            STAGE          PROD", lines[0]);
    assertEquals("marketing    in sync*       changed        to create", lines[1]);
    assertEquals("sales        not compared   not targeted   not targeted", lines[2]);
    assertTrue(run.out().contains("No state file yet in: prod."), run.out());
    assertTrue(run.out().contains("* in sync as far as could be compared"), run.out());
    SECRETS.values().forEach(secret -> assertFalse(run.out().contains(secret)));
  }

  @Test
  void variablesSetToEmptyAsCiDoesForMissingSecretsAreNotComparedLikeUnsetOnes()
      throws IOException {
    threeEnvironments();
    Map<String, String> empty = new java.util.HashMap<>();
    SECRETS.keySet().forEach(name -> empty.put(name, ""));
    empty.put("AEP_ORG_ID", "");
    CliRun unset = CliRun.run(root, Map.of(), "status", "--environments", "dev,stage,prod");
    CliRun blank = CliRun.run(root, empty, "status", "--environments", "dev,stage,prod");
    assertEquals(0, blank.exitCode(), blank.err());
    assertEquals(unset.out(), blank.out());
  }

  @Test
  void writesJsonAndMarkdownAndSaysWhenNotEverythingIsInSync() throws IOException {
    threeEnvironments();
    CliRun json =
        CliRun.run(
            root,
            Map.of(),
            "status",
            "--output",
            "json",
            "--detailed-exitcode",
            "--environments=dev,stage,prod");
    assertEquals(ExitCode.CHANGES, json.exitCode(), json.err());
    JsonNode tree = new ObjectMapper().readTree(json.out());
    assertEquals("1", tree.get("formatVersion").asText());
    JsonNode dev = tree.at("/connections/marketing/dev");
    assertEquals("in-sync", dev.get("status").asText());
    assertEquals(3, dev.get("notCompared").size());
    assertEquals("changed", tree.at("/connections/marketing/stage/status").asText());
    assertFalse(tree.at("/environments/2/hasState").asBoolean());

    CliRun markdown =
        CliRun.run(
            root, Map.of(), "status", "--output", "markdown", "--environments", "dev,stage,prod");
    assertTrue(
        markdown.out().contains("| `marketing` | in sync* | changed | to create |"),
        markdown.out());
  }

  @Test
  void refusesAnUnknownEnvironment() throws IOException {
    environment("dev", "eu");
    CliRun run = CliRun.run(root, Map.of(), "status", "--environments", "dev,qa");
    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("unknown environment 'qa'"), run.err());
  }

  @Test
  void missingStateFilesMeanEverythingTargetedIsToCreate() throws IOException {
    environment("dev", "eu");
    connection("marketing", "marketing-app", "");
    CliRun run = CliRun.run(root, Map.of(), "status");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("marketing    to create"), run.out());
  }
}
