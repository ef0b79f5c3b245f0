package dev.flowform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowform.cli.CliRun;
import dev.flowform.emulator.FlowServiceEmulator;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What connections have, for every pipeline kind, through the real command line: saved plans,
 * {@code --target}, the Markdown plan's graph, {@code metadata.movedFrom}, {@code flowform import}
 * and {@code spec.imports}.
 */
class PipelineDayTwoIT {
  private static final String FLOWS = "/flows";

  @TempDir Path dir;
  private EmulatedWorkspace fixture;
  private FlowServiceEmulator emulator;
  private Workspace ws;

  @BeforeEach
  void start() {
    fixture = EmulatedWorkspace.start(dir, ws -> Pipelines.write(ws, 2));
    emulator = fixture.emulator();
    ws = fixture.workspace();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private JsonNode resources() throws Exception {
    return Numbered.recorded(ws);
  }

  /** Every changing request to Flow Service or Data Prep so far (not IMS tokens). */
  private long sent() {
    return emulator.requestCounts().entrySet().stream()
        .filter(e -> !e.getKey().startsWith("GET ") && !e.getKey().contains("/ims/"))
        .mapToLong(java.util.Map.Entry::getValue)
        .sum();
  }

  @Test
  void aSavedPlanOfWholePipelinesAppliesAndThenPlansClean() throws Exception {
    fixture.ok("plan", "--env", "test", "--out", "pipelines.plan");

    CliRun apply = fixture.ok("apply", "pipelines.plan", "--no-color");

    assertTrue(apply.out().contains("Apply complete"), apply.out());
    Pipelines.assertConvergedWithoutDuplicates(emulator, ws, 2);
    fixture.assertClean();
  }

  @Test
  void aSavedPlanOfAScheduleChangeSendsOnePatch() throws Exception {
    fixture.ok("apply", "--env", "test", "--auto-approve");
    ws.write(
        "pipelines/p-000.yaml",
        Pipelines.pipeline("000", "Vid000").replace("frequency: hour", "frequency: day"));
    fixture.ok("plan", "--env", "test", "--out", "schedule.plan");
    long patches = emulator.requestCount("PATCH", FLOWS + "/{id}");

    fixture.ok("apply", "schedule.plan");

    assertEquals(patches + 1, emulator.requestCount("PATCH", FLOWS + "/{id}"));
    fixture.assertClean();
  }

  @Test
  void targetingADataflowTakesItsDependenciesAlongAndNothingElse() throws Exception {
    CliRun apply =
        fixture.ok(
            "apply", "--env", "test", "--auto-approve", "--target", "dataflow.p-001", "--no-color");

    JsonNode state = resources();
    for (String address :
        new String[] {
          "conn-001", "source.p-001", "target.p-001", "mapping.p-001", "dataflow.p-001"
        }) {
      assertEquals("created", state.path(address).path("status").asText(), apply.out());
    }
    assertEquals(5, state.size(), state.toString());
    assertNull(state.get("dataflow.p-000"));
  }

  @Test
  void theMarkdownPlanFoldsInTheGraphOfWhatChanges() {
    CliRun plan = fixture.ok("plan", "--env", "test", "--output", "markdown");

    assertTrue(plan.out().contains("```mermaid"), plan.out());
    assertTrue(plan.out().contains("dataflow.p-000"), plan.out());
    assertTrue(plan.out().contains("-->"), plan.out());
  }

  @Test
  void aDataflowAndAMappingSetMovedToNewNamesKeepTheirIdsAndSendNothing() throws Exception {
    fixture.ok("apply", "--env", "test", "--auto-approve");
    String flow = resources().get("dataflow.p-000").get("id").asText();
    String mapping = resources().get("mapping.p-000").get("id").asText();
    long before = sent();
    ws.write(
        "pipelines/p-000.yaml",
        Pipelines.pipeline("000", "Vid000")
            .replace(
                "kind: MappingSet\nmetadata: {name: p-000}",
                "kind: MappingSet\nmetadata: {name: contacts-map, movedFrom: [p-000]}")
            .replace("mapping: p-000", "mapping: contacts-map")
            .replace(
                "kind: Dataflow\nmetadata: {name: p-000}",
                "kind: Dataflow\nmetadata: {name: contacts-flow, movedFrom: [p-000]}"));

    CliRun apply = fixture.ok("apply", "--env", "test", "--auto-approve", "--no-color");

    assertEquals(before, sent(), apply.out());
    assertEquals(flow, resources().get("dataflow.contacts-flow").get("id").asText());
    assertEquals(mapping, resources().get("mapping.contacts-map").get("id").asText());
    assertNull(resources().get("dataflow.p-000"));
    assertEquals(
        mapping,
        resources()
            .get("dataflow.contacts-flow")
            .get("dependsOn")
            .get("mapping.contacts-map")
            .asText());
    fixture.assertClean();
  }

  @Test
  void importTakesAnExistingDataflowIntoStateAndTheNextPlanIsClean() throws Exception {
    fixture.ok("apply", "--env", "test", "--auto-approve");
    String flow = resources().get("dataflow.p-000").get("id").asText();
    fixture.ok("state", "rm", "--env", "test", "dataflow.p-000");
    long before = sent();

    CliRun imported = fixture.ok("import", "--env", "test", "dataflow.p-000", flow);

    assertTrue(imported.out().contains(flow), imported.out());
    assertEquals(flow, resources().get("dataflow.p-000").get("id").asText());
    assertEquals(before, sent());
    fixture.assertClean();
  }

  @Test
  void importRefusesAnIdOfAnotherKind() throws Exception {
    fixture.ok("apply", "--env", "test", "--auto-approve");
    String source = resources().get("source.p-000").get("id").asText();
    fixture.ok("state", "rm", "--env", "test", "dataflow.p-000", "source.p-000");

    CliRun refused = ws.run("import", "--env", "test", "dataflow.p-000", source);

    assertEquals(1, refused.exitCode(), refused.out() + refused.err());
    assertTrue(refused.err().contains("the platform has no dataflow " + source), refused.err());
    assertFalse(resources().has("dataflow.p-000"));
  }

  @Test
  void declaredImportsOfPipelineResourcesAreAdoptedByApply() throws Exception {
    fixture.ok("apply", "--env", "test", "--auto-approve");
    String flow = resources().get("dataflow.p-000").get("id").asText();
    String mapping = resources().get("mapping.p-000").get("id").asText();
    fixture.ok("state", "rm", "--env", "test", "dataflow.p-000", "mapping.p-000");
    ws.writeEnvironment(
        "test",
        Workspace.SANDBOX,
        "  imports:\n    dataflow.p-000: " + flow + "\n    mapping.p-000: " + mapping + "\n");
    long before = sent();

    CliRun apply = fixture.ok("apply", "--env", "test", "--auto-approve", "--no-color");

    assertTrue(apply.out().contains("2 imported"), apply.out());
    assertEquals(before, sent(), apply.out());
    assertEquals(flow, resources().get("dataflow.p-000").get("id").asText());
    assertEquals(mapping, resources().get("mapping.p-000").get("id").asText());
    fixture.assertClean();
  }
}
