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
 * A dataflow that names no flow spec gets it from the catalog while loading, offline: the one flow
 * spec joining its source's connector to the Data Lake; none or several is an error at the
 * dataflow.
 */
class FlowSpecFromCatalogTest {
  private static final String CRM_TO_AEP = "14518937-270c-4525-bdec-c2ba7cce3860";
  private static final String SALESFORCE = "cfc0fee1-7dc0-40ef-b73e-d8b134c436f5";
  private static final String DATA_LAKE = "c604ff05-7f1a-43c0-8e18-33bf874cb11c";

  @TempDir Path work;

  private static final String ENVIRONMENT =
      """
      apiVersion: flowform/v1
      kind: Environment
      metadata: {name: dev}
      spec: {sandbox: dev, orgId: O@AdobeOrg, endpoint: embedded}
      """;

  private static final String HUBSPOT =
      """
      apiVersion: flowform/v1
      kind: HubSpotConnection
      metadata: {name: crm}
      spec:
        name: HubSpot
        auth: {params: {clientId: c, clientSecret: "${env:S}", accessToken: "${env:S}", refreshToken: "${env:S}"}}
      """;

  private static final String SALESFORCE_CONNECTION =
      """
      apiVersion: flowform/v1
      kind: Connection
      metadata: {name: crm}
      spec:
        name: Salesforce
        connector: salesforce
        auth: {params: {username: u, password: "${env:S}"}}
      """;

  private static final String SALESFORCE_SPEC =
      """
      {"id": "%s", "name": "salesforce", "version": "1.0",
       "authSpec": [{"name": "Basic Authentication", "type": "Basic",
         "spec": {"type": "object", "properties": {
           "username": {"type": "string"}, "password": {"type": "string", "format": "password"}}}}],
       "sourceSpec": {"type": "object", "properties": {"tableName": {"type": "string"}}}}
      """
          .formatted(SALESFORCE);

  private static String pipeline(String source, String flowSpec) {
    return """
        apiVersion: flowform/v1
        kind: SourceConnection
        metadata: {name: accounts}
        spec: {name: Accounts, baseConnection: crm, %s}
        ---
        apiVersion: flowform/v1
        kind: TargetConnection
        metadata: {name: lake}
        spec: {name: Lake, dataSetId: 5ed5639d798a22191b6987b2, schema: "https://ns.adobe.com/a"}
        ---
        apiVersion: flowform/v1
        kind: Dataflow
        metadata: {name: accounts}
        spec:
          name: Accounts hourly
          source: accounts
          target: lake
        %s  schedule: {frequency: hour, interval: 1, startTime: "2026-12-01T00:00:00Z"}
        """
        .formatted(source, flowSpec);
  }

  private static String flowSpec(String id, String name, String sourceSpec) {
    return """
        {"id": "%s", "name": "%s", "version": "1.0",
         "sourceConnectionSpecIds": ["%s"], "targetConnectionSpecIds": ["%s"]}
        """
        .formatted(id, name, sourceSpec, DATA_LAKE);
  }

  private void write(String path, String text) throws IOException {
    Path file = work.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private LoadResult load(String connection, String pipeline) throws IOException {
    write("manifests/environment.yaml", ENVIRONMENT);
    write("manifests/connection.yaml", connection);
    write("manifests/pipeline.yaml", pipeline);
    return new ManifestLoader(
            work, Map.of("S", "secret"), List.of(), v -> {}, Kinds.all().manifests())
        .load(Path.of("manifests"), Optional.of("dev"), Resolution.STRICT);
  }

  private static List<String> errors(LoadResult result) {
    return result.diagnostics().errors().map(Diagnostic::format).toList();
  }

  @Test
  void aHubSpotDataflowGetsTheBuiltInCrmToAepWithNoPull() throws IOException {
    DesiredState desired = load(HUBSPOT, pipeline("path: Hubspot.Contacts", "")).orThrow();

    DesiredResource flow = desired.resource("dataflow.accounts").orElseThrow();
    assertEquals(CRM_TO_AEP, flow.attributes().get("/flowSpec/id"));
    assertEquals(Map.of("/flowSpec/id", "flowSpecId"), flow.formerOutputs());
  }

  @Test
  void aSalesforceDataflowGetsThePulledFlowSpecThatJoinsSalesforceToTheLake() throws IOException {
    write("specs/connections/salesforce.json", SALESFORCE_SPEC);
    write("specs/flows/crmtoaep.json", flowSpec(CRM_TO_AEP, "CRMToAEP", SALESFORCE));
    write("specs/flows/other.json", flowSpec("0000-other", "Other", "another-connector"));

    DesiredState desired =
        load(SALESFORCE_CONNECTION, pipeline("params: {tableName: Account}", "")).orThrow();

    assertEquals(
        CRM_TO_AEP,
        desired.resource("dataflow.accounts").orElseThrow().attributes().get("/flowSpec/id"));
  }

  @Test
  void aCatalogWithoutFlowSpecsIsAnErrorAtTheDataflowThatSaysToPull() throws IOException {
    write("specs/connections/salesforce.json", SALESFORCE_SPEC);

    List<String> errors =
        errors(load(SALESFORCE_CONNECTION, pipeline("params: {tableName: Account}", "")));

    assertEquals(1, errors.size(), errors.toString());
    String error = errors.get(0);
    assertTrue(error.startsWith("manifests/pipeline.yaml:11:1: error: dataflow.accounts:"), error);
    assertTrue(
        error.contains(
            "no flow spec of the catalog joins connection spec "
                + SALESFORCE
                + " (salesforce) to "
                + DATA_LAKE),
        error);
    assertTrue(error.contains("run flowform specs pull"), error);
  }

  @Test
  void severalJoiningFlowSpecsAreAnErrorNamingThemAll() throws IOException {
    write("specs/connections/salesforce.json", SALESFORCE_SPEC);
    write("specs/flows/crmtoaep.json", flowSpec(CRM_TO_AEP, "CRMToAEP", SALESFORCE));
    write("specs/flows/second.json", flowSpec("0000-second", "SecondWay", SALESFORCE));

    List<String> errors =
        errors(load(SALESFORCE_CONNECTION, pipeline("params: {tableName: Account}", "")));

    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).contains("several flow specs"), errors.get(0));
    assertTrue(errors.get(0).contains("CRMToAEP, SecondWay"), errors.get(0));
    assertTrue(errors.get(0).contains("name one in spec.flowSpec"), errors.get(0));
    assertFalse(errors.get(0).contains("specs pull"), errors.get(0));
  }

  @Test
  void aNamedFlowSpecIsLeftToApplyAndNeedsNoCatalog() throws IOException {
    write("specs/connections/salesforce.json", SALESFORCE_SPEC);

    DesiredState desired =
        load(
                SALESFORCE_CONNECTION,
                pipeline("params: {tableName: Account}", "  flowSpec: CRMToAEP\n"))
            .orThrow();

    DesiredResource flow = desired.resource("dataflow.accounts").orElseThrow();
    assertEquals("CRMToAEP", flow.attributes().get("/flowSpec/name"));
    assertFalse(flow.attributes().containsKey("/flowSpec/id"));
  }
}
