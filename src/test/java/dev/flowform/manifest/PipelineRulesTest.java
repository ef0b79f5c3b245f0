package dev.flowform.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** The pipeline kinds' rules across documents, each refused at its position before any call. */
class PipelineRulesTest {
  private static final String SCHEMA = "https://ns.adobe.com/acme/schemas/a";

  @TempDir Path work;

  /** What environments.yaml holds. */
  private String environments = ENVIRONMENTS;

  private static final String ENVIRONMENTS =
      """
      apiVersion: flowform/v1
      kind: Environment
      metadata: {name: dev}
      spec: {sandbox: dev, orgId: O@AdobeOrg, endpoint: embedded}
      ---
      apiVersion: flowform/v1
      kind: Environment
      metadata: {name: prod}
      spec: {sandbox: prod, orgId: O@AdobeOrg, endpoint: embedded}
      """;

  private static final String BASE =
      """
      apiVersion: flowform/v1
      kind: HubSpotConnection
      metadata: {name: hubspot-main, environments: [dev]}
      spec:
        name: HubSpot
        auth: {params: {clientId: c, clientSecret: "${env:S}", accessToken: "${env:S}", refreshToken: "${env:S}"}}
      """;

  private static String source(String name, String base) {
    return """
        apiVersion: flowform/v1
        kind: SourceConnection
        metadata: {name: %s}
        spec: {name: Source %s, baseConnection: %s, path: Hubspot.Contacts}
        """
        .formatted(name, name, base);
  }

  private static String pipeline(String mappingSchema, String schedule) {
    return """
        apiVersion: flowform/v1
        kind: SourceConnection
        metadata: {name: contacts, environments: [dev]}
        spec: {name: Contacts, baseConnection: hubspot-main, path: Hubspot.Contacts}
        ---
        apiVersion: flowform/v1
        kind: TargetConnection
        metadata: {name: lake, environments: [dev]}
        spec: {name: Lake, dataSetId: 5ed5639d798a22191b6987b2, schema: "%s"}
        ---
        apiVersion: flowform/v1
        kind: MappingSet
        metadata: {name: mapping, environments: [dev]}
        spec:
          schema: "%s"
          mappings: [{source: Vid, destination: _id}]
        ---
        apiVersion: flowform/v1
        kind: Dataflow
        metadata: {name: contacts, environments: [dev]}
        spec:
          name: Contacts hourly
          source: contacts
          target: lake
          mapping: mapping
          schedule: %s
        """
        .formatted(SCHEMA, mappingSchema, schedule);
  }

  private LoadResult load(Optional<String> environment, String... pipelines) throws IOException {
    Path dir = work.resolve("manifests");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("environments.yaml"), environments);
    Files.writeString(dir.resolve("base.yaml"), BASE);
    for (int i = 0; i < pipelines.length; i++) {
      Files.writeString(dir.resolve("p" + i + ".yaml"), pipelines[i]);
    }
    return new ManifestLoader(
            work, Map.of("S", "secret"), List.of(), v -> {}, Kinds.all().manifests())
        .load(Path.of("manifests"), environment, Resolution.STRICT);
  }

  private List<String> errors(Optional<String> environment, String... pipelines)
      throws IOException {
    return load(environment, pipelines).diagnostics().errors().map(Diagnostic::format).toList();
  }

  @Test
  void aCleanPipelineResolvesEveryReferenceToAnAddress() throws IOException {
    DesiredState desired =
        load(
                Optional.of("dev"),
                pipeline(
                    SCHEMA, "{frequency: hour, interval: 1, startTime: \"2026-12-01T00:00:00Z\"}"))
            .orThrow();

    DesiredResource flow = desired.resource("dataflow.contacts").orElseThrow();
    assertEquals(List.of("source.contacts", "target.lake", "mapping.mapping"), flow.dependsOn());
    assertEquals("1796083200", flow.attributes().get("/scheduleParams/startTime"));
    assertEquals(
        List.of("hubspot-main"), desired.resource("source.contacts").orElseThrow().dependsOn());
  }

  @Test
  void aReferenceToAMissingManifestIsRefusedWithADidYouMean() throws IOException {
    List<String> errors = errors(Optional.of("dev"), source("s", "hubspot-mian"));

    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).startsWith("manifests/p0.yaml:4:"), errors.toString());
    assertTrue(errors.get(0).contains("hubspot-main"), errors.toString());
  }

  @Test
  void aReferenceToAManifestOfAnotherKindIsRefused() throws IOException {
    List<String> errors =
        errors(
            Optional.empty(),
            pipeline(SCHEMA, "{frequency: hour, interval: 1, startTime: \"2026-12-01T00:00:00Z\"}"),
            source("other", "lake"));

    assertTrue(
        errors.stream()
            .anyMatch(
                e ->
                    e.contains(
                        "\"lake\" is a TargetConnection, not a Connection or HubSpotConnection")),
        errors.toString());
  }

  @Test
  void aReferenceToAManifestNotDeclaredForTheEnvironmentIsRefused() throws IOException {
    List<String> errors = errors(Optional.empty(), source("everywhere", "hubspot-main"));

    assertTrue(
        errors.stream().anyMatch(e -> e.contains("is not declared for environment \"prod\"")),
        errors.toString());
  }

  @Test
  void aMappingSetAndATargetOfDifferentSchemasAreRefused() throws IOException {
    List<String> errors =
        errors(
            Optional.of("dev"),
            pipeline(
                "https://ns.adobe.com/acme/schemas/other",
                "{frequency: hour, interval: 1, startTime: \"2026-12-01T00:00:00Z\"}"));

    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).contains("must name the same XDM schema"), errors.toString());
  }

  @Test
  void schedulesTheFlowSpecForbidsAreRefusedAtTheirField() throws IOException {
    assertTrue(
        errors(
                Optional.of("dev"),
                pipeline(
                    SCHEMA,
                    "{frequency: minute, interval: 5, startTime: \"2026-12-01T00:00:00Z\"}"))
            .stream()
            .anyMatch(e -> e.contains("interval must be at least 15")));
    assertTrue(
        errors(
                Optional.of("dev"),
                pipeline(
                    SCHEMA, "{frequency: once, interval: 1, startTime: \"2026-12-01T00:00:00Z\"}"))
            .stream()
            .anyMatch(e -> e.contains("interval is not allowed for frequency once")));
    assertTrue(
        errors(
                Optional.of("dev"),
                pipeline(
                    SCHEMA,
                    "{frequency: hourly, interval: 1, startTime: \"2026-12-01T00:00:00Z\"}"))
            .stream()
            .anyMatch(e -> e.contains("must be one of once, minute, hour, day, week")));
  }

  @Test
  void aCycleOfReferencesIsRefused() {
    GraphRules rules = new GraphRules(List.of(), java.util.Set.of("dev"));
    dev.flowform.diag.SourcePosition at = dev.flowform.diag.SourcePosition.ofFile("p.yaml");
    DesiredResource a =
        new DesiredResource(
            "Dataflow",
            "dataflow.a",
            at,
            "a",
            new java.util.TreeMap<>(),
            List.of(ResourceReference.to("/x", "b", java.util.Set.of("Dataflow"), at, true)),
            java.util.Set.of(),
            java.util.Set.of(),
            List.of());
    DesiredResource b =
        new DesiredResource(
            "Dataflow",
            "dataflow.b",
            at,
            "b",
            new java.util.TreeMap<>(),
            List.of(ResourceReference.to("/x", "a", java.util.Set.of("Dataflow"), at, true)),
            java.util.Set.of(),
            java.util.Set.of(),
            List.of());
    dev.flowform.manifest.doc.ManifestDocument docA = document("a");
    dev.flowform.manifest.doc.ManifestDocument docB = document("b");

    rules.check(
        List.of(
            new KindDocuments.Declared(docA, a, true), new KindDocuments.Declared(docB, b, true)));

    assertTrue(
        rules.problems().stream().anyMatch(d -> d.message().contains("a cycle of references")),
        rules.problems().toString());
  }

  private static dev.flowform.manifest.doc.ManifestDocument document(String name) {
    com.fasterxml.jackson.databind.node.ObjectNode tree =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    tree.putObject("metadata").put("name", name);
    return new dev.flowform.manifest.doc.ManifestDocument(
        Path.of("p.yaml"), "Dataflow", tree, new dev.flowform.manifest.doc.SourceMap("p.yaml"));
  }

  private static final String SCHEDULE =
      "{frequency: hour, interval: 1, startTime: \"2026-12-01T00:00:00Z\"}";

  private void importing(String imports) {
    environments =
        ENVIRONMENTS.replace(
            "spec: {sandbox: dev, orgId: O@AdobeOrg, endpoint: embedded}",
            "spec:\n  sandbox: dev\n  orgId: O@AdobeOrg\n  endpoint: embedded\n  imports:\n"
                + imports);
  }

  @Test
  void declaredImportsOfPipelineAddressesReachTheEnvironmentWithAMappingSetsHexId()
      throws IOException {
    importing(
        "    dataflow.contacts: 2FCE94C1-5AD1-4D5E-8F6B-3C2A1B0E9D87\n"
            + "    mapping.mapping: 0123456789abcdef0123456789ABCDEF\n");

    DesiredState desired = load(Optional.of("dev"), pipeline(SCHEMA, SCHEDULE)).orThrow();

    assertEquals(
        "0123456789abcdef0123456789abcdef",
        desired.environment().importOf("mapping.mapping").orElseThrow().id());
    assertTrue(desired.environment().importOf("dataflow.contacts").isPresent());
  }

  @Test
  void aDeclaredImportOfAPipelineAddressNoManifestHasIsRefusedAtTheEntry() throws IOException {
    importing("    dataflow.contcts: 2fce94c1-5ad1-4d5e-8f6b-3c2a1b0e9d87\n");

    List<String> errors = errors(Optional.of("dev"), pipeline(SCHEMA, SCHEDULE));

    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).startsWith("manifests/environments.yaml:"), errors.toString());
    assertTrue(errors.get(0).contains("'dataflow.contcts'"), errors.toString());
  }

  @Test
  void aDeclaredImportOfAnUnknownKindPrefixIsRefused() throws IOException {
    importing("    flow.contacts: 2fce94c1-5ad1-4d5e-8f6b-3c2a1b0e9d87\n");

    List<String> errors = errors(Optional.of("dev"), pipeline(SCHEMA, SCHEDULE));

    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).contains("pipeline resource's address"), errors.toString());
  }
}
