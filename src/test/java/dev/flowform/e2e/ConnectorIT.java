package dev.flowform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowform.cli.CliRun;
import dev.flowform.emulator.EmulatorConfig;
import dev.flowform.emulator.FlowServiceEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connections of any connector, from Connection manifests checked against the catalog that {@code
 * specs pull} writes from the emulator's connection specs.
 */
class ConnectorIT {
  private static final String SALESFORCE = "cfc0fee1-7dc0-40ef-b73e-d8b134c436f5";
  private static final String SNOWFLAKE = "b2e08744-4f1a-40ce-af30-7abac3e23cf3";
  private static final String CRM_TO_AEP = "14518937-270c-4525-bdec-c2ba7cce3860";
  private static final String SCHEMA = "https://ns.adobe.com/acme/schemas/3a1f0c";

  @TempDir Path dir;
  private FlowServiceEmulator emulator;
  private Workspace ws;

  @BeforeEach
  void start() {
    emulator = FlowServiceEmulator.start(EmulatorConfig.defaults());
    ws = new Workspace(dir, emulator);
    ws.setEnv("FLOWFORM_VAR_SF_USER", "integration@acme.example")
        .setEnv("SF_PASSWORD", "sf-PASSWORD-secret-0004")
        .setEnv("SF_TOKEN", "sf-TOKEN-secret-0005")
        .setEnv("SNOW_CONNECTION", "account=acme;user=etl;password=snow-SECRET-0006");
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private CliRun ok(String... args) {
    CliRun run = ws.run(args);
    assertEquals(0, run.exitCode(), run.out() + run.err());
    return run;
  }

  private void pull() {
    ok("specs", "pull", "--env=test");
  }

  private void salesforce(String params) {
    ws.write(
        "connections/salesforce.yaml",
        """
        apiVersion: flowform/v1
        kind: Connection
        metadata: {name: salesforce-main}
        spec:
          name: Salesforce main
          connector: salesforce
          auth:
            specName: Basic Authentication
            params:
        %s"""
            .formatted(params));
  }

  private static final String SALESFORCE_PARAMS =
      """
            environmentUrl: https://acme.my.salesforce.com
            username: ${env:FLOWFORM_VAR_SF_USER}
            password: ${env:SF_PASSWORD}
            securityToken: ${env:SF_TOKEN}
      """;

  private void snowflake(String connectionString) {
    ws.write(
        "connections/snowflake.yaml",
        """
        apiVersion: flowform/v1
        kind: Connection
        metadata: {name: snowflake-dw}
        spec:
          name: Snowflake warehouse
          connector: snowflake
          auth:
            params:
              connectionString: %s
        """
            .formatted(connectionString));
  }

  private JsonNode recorded(String address) throws IOException {
    return new ObjectMapper()
        .readTree(Files.readString(ws.stateFile()))
        .get("resources")
        .get(address);
  }

  @Test
  void specsPullWritesACatalogThatASecondPullLeavesAlone() throws IOException {
    CliRun first = ws.run("specs", "pull", "--env=test");
    assertEquals(0, first.exitCode(), first.out() + first.err());
    Path specs = dir.resolve("specs");
    assertTrue(Files.isRegularFile(specs.resolve("connections/salesforce.json")), first.out());
    assertTrue(Files.isRegularFile(specs.resolve("flows/crmtoaep.json")), first.out());
    Map<String, String> before = contents(specs);
    assertEquals(6, before.size(), before.keySet().toString());
    assertTrue(
        before.get("connections/salesforce.json").contains("\"format\" : \"password\""),
        before.get("connections/salesforce.json"));

    CliRun second = ws.run("specs", "pull", "--env=test");
    assertEquals(0, second.exitCode(), second.out() + second.err());
    assertTrue(second.out().contains("no change in"), second.out());
    assertEquals(before, contents(specs));
  }

  @Test
  void aConnectorMissingFromTheCatalogSaysToPull() {
    snowflake("${env:SNOW_CONNECTION}");
    CliRun run = ws.run("validate", "--env=test");
    assertEquals(1, run.exitCode(), run.out() + run.err());
    assertTrue(
        run.err()
            .contains(
                "snowflake.yaml:6:14: error: connector 'snowflake' is not in the spec catalog"),
        run.err());
    assertTrue(run.err().contains("flowform specs pull"), run.err());
  }

  @Test
  void salesforceAndSnowflakeConnectionsAreCreatedFromConnectionManifests() throws IOException {
    pull();
    salesforce(SALESFORCE_PARAMS);
    snowflake("${env:SNOW_CONNECTION}");
    CliRun apply = ok("apply", "--env=test", "--auto-approve", "--no-color");
    assertTrue(apply.out().contains("auth.params.password = (sensitive)"), apply.out());
    assertTrue(
        apply.out().contains("auth.params.username = \"integration@acme.example\""), apply.out());

    JsonNode sf = recorded("salesforce-main");
    assertEquals("Connection", sf.get("kind").asText());
    assertEquals(SALESFORCE, sf.get("connectionSpec").get("id").asText());
    assertEquals("Basic Authentication", sf.get("authSpecName").asText());
    assertTrue(sf.get("secretFingerprints").has("password"), sf.toString());
    assertTrue(sf.get("secretFingerprints").has("securityToken"), sf.toString());
    assertFalse(sf.get("params").has("password"), sf.toString());
    JsonNode snow = recorded("snowflake-dw");
    assertEquals(SNOWFLAKE, snow.get("connectionSpec").get("id").asText());
    assertEquals("ConnectionString", snow.get("authSpecName").asText());
    assertTrue(snow.get("secretFingerprints").has("connectionString"), snow.toString());
    assertEquals(2L, emulator.requestCounts().get("POST /data/foundation/flowservice/connections"));

    ok("plan", "--env=test", "--detailed-exitcode", "--no-color");
  }

  @Test
  void paramsTheConnectorTypesAreSentAsThoseTypesAndKeptAsTextInState() throws IOException {
    pull();
    ws.setEnv("FLOWFORM_VAR_SNOW_PORT", "443");
    snowflake("${env:SNOW_CONNECTION}\n      port: ${env:FLOWFORM_VAR_SNOW_PORT}");
    ws.write(
        "connections/s3.yaml",
        """
        apiVersion: flowform/v1
        kind: Connection
        metadata: {name: s3-exports}
        spec:
          name: S3 exports
          connector: amazon-s3
          auth:
            params:
              s3AccessKey: AKIAEXAMPLE
              s3SecretKey: ${env:SNOW_CONNECTION}
        ---
        apiVersion: flowform/v1
        kind: SourceConnection
        metadata: {name: s3-exports}
        spec:
          name: S3 exports
          baseConnection: s3-exports
          params:
            path: acme-bucket/exports
            recursive: true
        """);

    // the emulator takes port only as a JSON number and recursive only as true/false
    ok("apply", "--env=test", "--auto-approve", "--no-color");

    assertEquals("443", recorded("snowflake-dw").get("params").get("port").asText());
    assertEquals(
        "true", recorded("source.s3-exports").get("attributes").get("/params/recursive").asText());
    ok("plan", "--env=test", "--detailed-exitcode", "--no-color");
  }

  @Test
  void aParamThatDoesNotReadAsItsTypeIsRefusedAtItsPosition() {
    pull();
    ws.setEnv("FLOWFORM_VAR_SNOW_PORT", "https");
    snowflake("${env:SNOW_CONNECTION}\n      port: ${env:FLOWFORM_VAR_SNOW_PORT}");

    CliRun run = ws.run("validate", "--env=test");

    assertEquals(1, run.exitCode(), run.out() + run.err());
    assertTrue(
        run.err().contains("snowflake.yaml:10:13: error: spec.auth.params.port must be integer"),
        run.err());
  }

  @Test
  void aTypoAMissingParamAndALiteralSecretAreRefusedByValidateBeforeAnyCall() {
    pull();
    salesforce(
        """
              environmentUrl: https://acme.my.salesforce.com
              username: ${env:FLOWFORM_VAR_SF_USER}
              pasword: ${env:SF_PASSWORD}
        """);
    snowflake("account=acme;password=in-git");
    long before = emulator.requestCounts().values().stream().mapToLong(Long::longValue).sum();

    CliRun run = ws.run("validate", "--env=test");

    assertEquals(1, run.exitCode(), run.out() + run.err());
    String err = run.err();
    assertTrue(
        err.contains("salesforce.yaml:12:7: error: unknown param 'pasword' for salesforce"), err);
    assertTrue(err.contains("did you mean 'password'?"), err);
    assertTrue(
        err.contains(
            "salesforce.yaml:10:7: error: spec.auth.params.securityToken is required by"
                + " salesforce (Basic Authentication)"),
        err);
    assertTrue(
        err.contains(
            "snowflake.yaml:9:25: error: spec.auth.params.connectionString is sensitive and must"
                + " be a reference"),
        err);
    assertTrue(err.contains("use ${env:NAME} or ${file:PATH}"), err);
    assertFalse(err.contains("in-git"), err);
    long after = emulator.requestCounts().values().stream().mapToLong(Long::longValue).sum();
    assertEquals(before, after, "validate called the platform");
    CliRun apply = ws.run("apply", "--env=test", "--auto-approve", "--no-color");
    assertEquals(1, apply.exitCode(), apply.out());
    assertEquals(
        0L,
        emulator.requestCounts().getOrDefault("POST /data/foundation/flowservice/connections", 0L));
  }

  @Test
  void aRotatedPasswordPlansAsASensitiveValueChanged() {
    pull();
    salesforce(SALESFORCE_PARAMS);
    ok("apply", "--env=test", "--auto-approve", "--no-color");
    ws.setEnv("SF_PASSWORD", "sf-PASSWORD-rotated-0007");

    CliRun plan = ws.run("plan", "--env=test", "--no-color", "--detailed-exitcode");

    assertEquals(2, plan.exitCode(), plan.out() + plan.err());
    assertTrue(plan.out().contains("~ update connection \"salesforce-main\""), plan.out());
    assertTrue(
        plan.out().contains("~ auth.params.password = (sensitive value changed)"), plan.out());
    assertFalse(plan.out().contains("securityToken"), plan.out());
  }

  @Test
  void aSalesforceSourceConnectionPlusDataflowAppliesWithTheFlowSpecFoundFromTheCatalog()
      throws IOException {
    pull();
    salesforce(SALESFORCE_PARAMS);
    ws.write(
        "pipelines/accounts.yaml",
        """
        apiVersion: flowform/v1
        kind: SourceConnection
        metadata: {name: sf-accounts}
        spec:
          name: Salesforce accounts
          baseConnection: salesforce-main
          params:
            tableName: Account
        ---
        apiVersion: flowform/v1
        kind: TargetConnection
        metadata: {name: accounts-lake}
        spec:
          name: Accounts into the lake
          dataSetId: 5ed5639d798a22191b6987b2
          schema: %s
        ---
        apiVersion: flowform/v1
        kind: MappingSet
        metadata: {name: accounts-mapping}
        spec:
          schema: %s
          mappings:
            - {source: Id, destination: _id}
        ---
        apiVersion: flowform/v1
        kind: Dataflow
        metadata: {name: sf-accounts}
        spec:
          name: Salesforce accounts hourly
          source: sf-accounts
          target: accounts-lake
          mapping: accounts-mapping
          deltaColumn: {name: LastModifiedDate}
          schedule: {frequency: hour, interval: 1, startTime: "2026-12-01T00:00:00Z"}
        """
            .formatted(SCHEMA, SCHEMA));

    CliRun plan = ok("plan", "--env=test", "--no-color");
    assertTrue(
        plan.out().contains("+ flowSpec.id = \"" + CRM_TO_AEP + "\""),
        "the plan shows the flow spec the catalog joins Salesforce to the Data Lake with\n"
            + plan.out());
    ok("apply", "--env=test", "--auto-approve", "--no-color");

    assertEquals(
        "Account",
        recorded("source.sf-accounts").get("attributes").get("/params/tableName").asText());
    assertTrue(recorded("dataflow.sf-accounts").get("id").isTextual());
    assertEquals(
        "CRMToAEP",
        recorded("dataflow.sf-accounts").get("outputs").get("flowSpecName").asText(),
        "the flow spec joining Salesforce's connection spec to the Data Lake's");
    assertEquals(
        CRM_TO_AEP,
        recorded("dataflow.sf-accounts").get("attributes").get("/flowSpec/id").asText());
    ok("plan", "--env=test", "--detailed-exitcode", "--no-color");
  }

  @Test
  void aSourceParamTypoIsRefusedAtItsPosition() {
    pull();
    salesforce(SALESFORCE_PARAMS);
    ws.write(
        "pipelines/accounts.yaml",
        """
        apiVersion: flowform/v1
        kind: SourceConnection
        metadata: {name: sf-accounts}
        spec:
          name: Salesforce accounts
          baseConnection: salesforce-main
          params:
            tableNme: Account
        """);
    CliRun run = ws.run("validate", "--env=test");
    assertEquals(1, run.exitCode(), run.out() + run.err());
    assertTrue(run.err().contains("accounts.yaml:8:5: error: unknown param 'tableNme'"), run.err());
    assertTrue(run.err().contains("did you mean 'tableName'?"), run.err());
  }

  @Test
  void noSecretOfAGenericConnectorIsInAnyOutputStatePlanFileOrHistory() throws IOException {
    pull();
    salesforce(SALESFORCE_PARAMS);
    snowflake("${env:SNOW_CONNECTION}");
    StringBuilder outputs = new StringBuilder();
    for (String[] args :
        List.of(
            new String[] {"validate", "--env=test"},
            new String[] {"plan", "--env=test", "--no-color", "--output=json"},
            new String[] {"plan", "--env=test", "--no-color", "--output=markdown"},
            new String[] {"plan", "--env=test", "--no-color", "--out=saved.plan"},
            new String[] {"apply", "saved.plan", "--no-color"},
            new String[] {"state", "show", "--env=test", "salesforce-main"},
            new String[] {"status", "--env=test"})) {
      CliRun run = ws.run(args);
      assertEquals(0, run.exitCode(), String.join(" ", args) + run.out() + run.err());
      outputs.append(run.out()).append(run.err());
    }
    ws.setEnv("SF_TOKEN", "sf-TOKEN-rotated-0008");
    CliRun rotated = ok("apply", "--env=test", "--auto-approve", "--no-color", "--verbose");
    outputs.append(rotated.out()).append(rotated.err());

    List<String> secrets =
        List.of(
            "sf-PASSWORD-secret-0004",
            "sf-TOKEN-secret-0005",
            "sf-TOKEN-rotated-0008",
            "snow-SECRET-0006");
    Map<String, String> files = contents(dir.resolve(".flowform"));
    files.put("saved.plan", Files.readString(dir.resolve("saved.plan")));
    assertTrue(
        files.keySet().stream().anyMatch(f -> f.endsWith(".backup")), files.keySet().toString());
    for (String secret : secrets) {
      assertFalse(outputs.toString().contains(secret), secret + " printed");
      files.forEach((name, text) -> assertFalse(text.contains(secret), secret + " in " + name));
    }
  }

  private static Map<String, String> contents(Path folder) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        out.put(
            folder.relativize(file).toString().replace('\\', '/'),
            Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1));
      }
    }
    return out;
  }
}
