package dev.flowform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.flowform.cli.CliRun;
import dev.flowform.emulator.EmulatedConnection;
import dev.flowform.emulator.FlowServiceEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code apply --output json} against the emulator: one clean JSON document on stdout. */
class ApplyJsonIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private EmulatedWorkspace fixture;
  private FlowServiceEmulator emulator;
  private Workspace ws;
  private JsonSchema schema;

  @BeforeEach
  void start() throws IOException {
    fixture = EmulatedWorkspace.twoDeclared(dir);
    emulator = fixture.emulator();
    ws = fixture.workspace();
    try (InputStream in = Files.newInputStream(Path.of("schemas/apply-result.schema.json"))) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  /** Parses stdout as exactly one JSON document and checks it against the schema. */
  private JsonNode result(CliRun run) throws IOException {
    JsonNode tree = JSON.readTree(run.out());
    Set<ValidationMessage> problems = schema.validate(tree);
    assertTrue(problems.isEmpty(), problems + "\n" + run.out());
    for (String secret : ws.secretValues()) {
      assertFalse(run.out().contains(secret));
      assertFalse(run.err().contains(secret));
    }
    return tree;
  }

  @Test
  void createsAndPrintsOnlyTheResultOnStdoutWithEachIdAndEtag() throws IOException {
    CliRun run = ws.run("apply", "--env", "test", "--auto-approve", "--output", "json");

    assertEquals(0, run.exitCode(), run.err());
    JsonNode result = result(run);
    assertEquals("succeeded", result.get("status").asText());
    assertEquals(2, result.at("/outcomes/created").asInt());
    assertTrue(run.err().contains("Plan: 2 to create"), run.err());
    Map<String, EmulatedConnection> remote =
        emulator.connections(Workspace.SANDBOX).stream()
            .collect(Collectors.toMap(EmulatedConnection::name, c -> c));
    for (JsonNode change : result.get("changes")) {
      EmulatedConnection actual = remote.get(change.get("name").asText());
      assertEquals("created", change.get("outcome").asText());
      assertEquals(actual.id(), change.get("id").asText());
      assertEquals(actual.etag(), change.get("etag").asText());
    }
  }

  @Test
  void anApplyThatCannotPlanStillPrintsOneResultNamingWhy() throws IOException {
    ws.env().remove("HS_ACCESS_TOKEN");

    CliRun run = ws.run("apply", "--env", "test", "--auto-approve", "--output", "json");

    assertEquals(1, run.exitCode(), run.err());
    JsonNode result = result(run);
    assertEquals("error", result.get("status").asText());
    assertEquals("test", result.get("environment").asText());
    assertTrue(result.at("/errors/0/message").asText().contains("HS_ACCESS_TOKEN"), run.out());
    assertTrue(run.err().contains("HS_ACCESS_TOKEN"), run.err());
    assertTrue(emulator.connections(Workspace.SANDBOX).isEmpty());
  }

  @Test
  void saysNoChangesWhenThereAreNone() throws IOException {
    assertEquals(0, ws.run("apply", "--env", "test", "--auto-approve").exitCode());

    CliRun run = ws.run("apply", "--env", "test", "--auto-approve", "--output", "json");

    assertEquals(0, run.exitCode(), run.err());
    JsonNode result = result(run);
    assertEquals("no-changes", result.get("status").asText());
    assertEquals(0, result.get("changes").size());
  }

  @Test
  void aFailedChangeCarriesItsErrorAndTheExitCodeIsOne() throws IOException {
    assertEquals(0, ws.run("apply", "--env", "test", "--auto-approve").exitCode());
    EmulatedConnection sales =
        emulator.connections(Workspace.SANDBOX).stream()
            .filter(c -> c.name().equals("HubSpot sales"))
            .findFirst()
            .orElseThrow();
    emulator.removeConnection(sales.id());
    ws.connection("sales-hubspot", "HubSpot sales", "Deals and pipelines");

    CliRun run =
        ws.run("apply", "--env", "test", "--auto-approve", "--refresh=false", "--output", "json");

    assertEquals(1, run.exitCode(), run.err());
    JsonNode result = result(run);
    assertEquals("failed", result.get("status").asText());
    JsonNode change = result.at("/changes/0");
    assertEquals("sales-hubspot", change.get("address").asText());
    assertEquals("failed", change.get("outcome").asText());
    assertFalse(change.at("/error/message").asText().isBlank());
  }

  @Test
  void aMoveAndAnImportAreReportedInTheSchemasTerms() throws IOException {
    assertEquals(0, ws.run("apply", "--env", "test", "--auto-approve").exitCode());
    EmulatedConnection existing =
        emulator.addConnection(
            Workspace.ORG, Workspace.SANDBOX, "HubSpot support", Map.of("clientId", "x"));
    ws.connection("support-hubspot", "HubSpot support");
    ws.writeEnvironment(
        "test", Workspace.SANDBOX, "  imports:\n    support-hubspot: " + existing.id() + "\n");
    ws.removeConnection("marketing-hubspot");
    ws.connection(
        "marketing-crm",
        "HubSpot marketing",
        "Managed by flowform",
        "  movedFrom: [marketing-hubspot]\n");

    CliRun run = ws.run("apply", "--env", "test", "--auto-approve", "--output", "json");

    assertEquals(0, run.exitCode(), run.err());
    JsonNode result = result(run);
    assertEquals(1, result.at("/outcomes/imported").asInt());
    assertEquals(1, result.at("/planned/move").asInt() + result.at("/planned/update").asInt());
    JsonNode moved = result.get("changes").get(0);
    assertEquals("marketing-crm", moved.get("address").asText());
    assertEquals("marketing-hubspot", moved.get("movedFrom").asText());
  }
}
