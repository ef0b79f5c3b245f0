package dev.flowform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowform.cli.CliRun;
import dev.flowform.emulator.EmulatorConfig;
import dev.flowform.emulator.FlowServiceEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole HubSpot pipeline, planned and applied as a graph against the emulator. */
class PipelineIT {
  private static final String FLOWS = "/data/foundation/flowservice/flows";
  private static final String MAPPING_SETS = "/data/foundation/conversion/mappingSets";
  private static final String SCHEMA = "https://ns.adobe.com/acme/schemas/3a1f0c";
  private static final String CRM_TO_AEP = "14518937-270c-4525-bdec-c2ba7cce3860";

  @TempDir Path dir;
  private FlowServiceEmulator emulator;
  private Workspace ws;

  @BeforeEach
  void start() {
    emulator = FlowServiceEmulator.start(EmulatorConfig.defaults());
    ws = new Workspace(dir, emulator);
    ws.connection("hubspot-main", "HubSpot main");
    writePipeline("Hubspot.Contacts", "hour", "Vid", true);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private void writePipeline(String path, String frequency, String firstSource, boolean enabled) {
    ws.write(
        "pipelines/contacts.yaml",
        """
        apiVersion: flowform/v1
        kind: SourceConnection
        metadata: {name: hubspot-contacts}
        spec:
          name: HubSpot contacts
          baseConnection: hubspot-main
          path: %s
        ---
        apiVersion: flowform/v1
        kind: TargetConnection
        metadata: {name: contacts-lake}
        spec:
          name: Contacts into the lake
          dataSetId: 5ed5639d798a22191b6987b2
          schema: %s
        ---
        apiVersion: flowform/v1
        kind: MappingSet
        metadata: {name: contacts-mapping}
        spec:
          schema: %s
          mappings:
            - {source: %s, destination: _id}
            - {source: "lower(Properties_Email_Value)", destination: personalEmail.address, sourceType: EXPRESSION}
        ---
        apiVersion: flowform/v1
        kind: Dataflow
        metadata: {name: hubspot-contacts}
        spec:
          name: HubSpot contacts hourly
          source: hubspot-contacts
          target: contacts-lake
          mapping: contacts-mapping
          deltaColumn: {name: updatedAt}
          schedule: {frequency: %s, interval: 1, startTime: "2026-12-01T00:00:00Z"}
          enabled: %s
        """
            .formatted(path, SCHEMA, SCHEMA, firstSource, frequency, enabled));
  }

  private CliRun apply(String... more) {
    String[] args = new String[4 + more.length];
    args[0] = "apply";
    args[1] = "--env=test";
    args[2] = "--auto-approve";
    args[3] = "--no-color";
    System.arraycopy(more, 0, args, 4, more.length);
    CliRun run = ws.run(args);
    assertEquals(0, run.exitCode(), run.out() + run.err());
    return run;
  }

  private JsonNode recorded(String address) throws Exception {
    return new ObjectMapper()
        .readTree(Files.readString(ws.stateFile()))
        .get("resources")
        .get(address);
  }

  private long count(String method, String path) {
    return emulator.requestCounts().getOrDefault(method + " " + path, 0L);
  }

  private void assertNoChanges() {
    CliRun plan = ws.run("plan", "--env=test", "--detailed-exitcode", "--no-color");
    assertEquals(0, plan.exitCode(), plan.out() + plan.err());
  }

  @Test
  void aWholePipelineAppliesInDependencyOrderAndThenPlansNoChanges() throws Exception {
    CliRun plan = ws.run("plan", "--env=test", "--no-color");
    assertEquals(0, plan.exitCode(), plan.err());
    assertTrue(plan.out().contains("+ create dataflow \"dataflow.hubspot-contacts\""), plan.out());
    assertTrue(plan.out().contains("sourceConnectionIds.0 = (known after apply)"), plan.out());
    assertTrue(
        plan.out().contains("+ flowSpec.id = \"" + CRM_TO_AEP + "\""),
        "the built-in catalog joins HubSpot to the Data Lake, with no pull\n" + plan.out());

    CliRun run = apply();

    assertTrue(run.out().contains("Apply complete"), run.out());
    for (String address :
        List.of(
            "hubspot-main",
            "source.hubspot-contacts",
            "target.contacts-lake",
            "mapping.contacts-mapping",
            "dataflow.hubspot-contacts")) {
      assertEquals("created", recorded(address).get("status").asText(), address);
    }
    JsonNode flow = recorded("dataflow.hubspot-contacts");
    assertEquals(
        recorded("source.hubspot-contacts").get("id").asText(),
        flow.get("dependsOn").get("source.hubspot-contacts").asText());
    assertEquals(4, emulator.resources(Workspace.SANDBOX).size());
    assertEquals("CRMToAEP", flow.get("outputs").get("flowSpecName").asText());
    assertNoChanges();
  }

  @Test
  void aDataflowWhoseFlowSpecWasChosenAtApplyPlansNoChanges() throws Exception {
    apply();
    ObjectMapper json = new ObjectMapper();
    ObjectNode state = (ObjectNode) json.readTree(Files.readString(ws.stateFile()));
    ObjectNode attributes =
        (ObjectNode) state.get("resources").get("dataflow.hubspot-contacts").get("attributes");
    assertEquals(CRM_TO_AEP, attributes.remove("/flowSpec/id").asText());
    Files.writeString(ws.stateFile(), json.writeValueAsString(state));

    assertNoChanges();
    CliRun offline = ws.run("plan", "--env=test", "--refresh=false", "--detailed-exitcode");
    assertEquals(0, offline.exitCode(), offline.out() + offline.err());
  }

  @Test
  void aScheduleChangeSendsOnePatchAndKeepsTheDataflow() throws Exception {
    apply();
    String id = recorded("dataflow.hubspot-contacts").get("id").asText();
    long patches = count("PATCH", FLOWS + "/{id}");
    writePipeline("Hubspot.Contacts", "day", "Vid", true);

    apply();

    assertEquals(patches + 1, count("PATCH", FLOWS + "/{id}"));
    assertEquals(id, recorded("dataflow.hubspot-contacts").get("id").asText());
    assertNoChanges();
  }

  @Test
  void aMappingChangeSendsOnePutAndOnePatchAndKeepsTheDataflowsId() throws Exception {
    apply();
    String id = recorded("dataflow.hubspot-contacts").get("id").asText();
    long puts = count("PUT", MAPPING_SETS + "/{id}");
    long patches = count("PATCH", FLOWS + "/{id}");
    writePipeline("Hubspot.Contacts", "hour", "Id", true);

    CliRun run = apply();

    assertEquals(puts + 1, count("PUT", MAPPING_SETS + "/{id}"), run.out());
    assertEquals(patches + 1, count("PATCH", FLOWS + "/{id}"), run.out());
    assertEquals(id, recorded("dataflow.hubspot-contacts").get("id").asText());
    assertEquals(
        "1", recorded("dataflow.hubspot-contacts").get("outputs").get("mappingVersion").asText());
    assertNoChanges();
  }

  @Test
  void aPathChangeReplacesTheSourceConnectionAndTheDataflowOnlyWithAllowReplace() throws Exception {
    apply();
    String oldSource = recorded("source.hubspot-contacts").get("id").asText();
    String oldFlow = recorded("dataflow.hubspot-contacts").get("id").asText();
    writePipeline("Hubspot.Companies", "hour", "Vid", true);

    CliRun refused = ws.run("apply", "--env=test", "--auto-approve", "--no-color");
    assertEquals(1, refused.exitCode(), refused.out() + refused.err());
    assertTrue(refused.err().contains("--allow-replace"), refused.err());

    CliRun run = apply("--allow-replace");

    assertTrue(run.out().contains("-/+ replace dataflow"), run.out());
    String newSource = recorded("source.hubspot-contacts").get("id").asText();
    String newFlow = recorded("dataflow.hubspot-contacts").get("id").asText();
    assertNotEquals(oldSource, newSource);
    assertNotEquals(oldFlow, newFlow);
    List<String> ids = emulator.resources(Workspace.SANDBOX).stream().map(r -> r.id()).toList();
    assertFalse(ids.contains(oldSource), ids.toString());
    assertFalse(ids.contains(oldFlow), ids.toString());
    assertTrue(ids.contains(newFlow), ids.toString());
    assertNoChanges();
  }

  @Test
  void enabledFalseSendsTheDisableAction() throws Exception {
    apply();
    writePipeline("Hubspot.Contacts", "hour", "Vid", false);

    apply();

    assertEquals(1, count("POST", FLOWS + "/{id}/action"));
    assertNoChanges();
  }

  @Test
  void destroyEmptiesTheSandboxInReverseOrder() throws Exception {
    apply();

    CliRun run = ws.run("destroy", "--env=test", "--auto-approve", "--no-color");

    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(emulator.resources(Workspace.SANDBOX).isEmpty());
    assertTrue(emulator.connections(Workspace.SANDBOX).isEmpty());
  }

  @Test
  void validationRefusesAReferenceToAMissingManifestWithItsPosition() {
    ws.write(
        "pipelines/broken.yaml",
        """
        apiVersion: flowform/v1
        kind: SourceConnection
        metadata: {name: broken}
        spec:
          name: Broken
          baseConnection: hubspot-mian
          path: Hubspot.Contacts
        """);

    CliRun run = ws.run("validate", "--env=test");

    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("broken.yaml:6:19"), run.err());
    assertTrue(run.err().contains("hubspot-main"), run.err());
  }
}
