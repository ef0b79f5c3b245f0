package dev.flowform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowform.cli.CliRun;
import dev.flowform.emulator.EmulatedConnection;
import dev.flowform.emulator.FlowServiceEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drift, updates, orphans, import and lost state, through the real command line. */
class LifecycleIT {
  private static final String ONE = "/connections/{id}";

  @TempDir Path dir;
  private EmulatedWorkspace fixture;
  private FlowServiceEmulator emulator;
  private Workspace ws;

  @BeforeEach
  void startAndApply() {
    fixture = EmulatedWorkspace.twoApplied(dir);
    emulator = fixture.emulator();
    ws = fixture.workspace();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private JsonNode recorded(String address) throws Exception {
    return new ObjectMapper()
        .readTree(Files.readString(ws.stateFile()))
        .get("resources")
        .get(address);
  }

  private EmulatedConnection remote(String name) {
    return emulator.connections(Workspace.SANDBOX).stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private CliRun apply(String... more) {
    String[] args = new String[3 + more.length];
    args[0] = "apply";
    args[1] = "--env=test";
    args[2] = "--auto-approve";
    System.arraycopy(more, 0, args, 3, more.length);
    CliRun run = ws.run(args);
    assertEquals(0, run.exitCode(), run.out() + run.err());
    return run;
  }

  @Test
  void aConnectionDeletedBehindFlowformsBackIsCreatedAgain() throws Exception {
    String oldId = recorded("sales-hubspot").get("id").asText();
    assertTrue(emulator.removeConnection(oldId));

    CliRun run = apply();

    assertTrue(run.out().contains("# deleted remotely (drift)"), run.out());
    String newId = recorded("sales-hubspot").get("id").asText();
    assertNotEquals(oldId, newId);
    assertEquals(newId, remote("HubSpot sales").id());
    assertEquals(3, emulator.requestCount("POST", "/connections"));
  }

  @Test
  void aRenameIsOnePatchWithTheRecordedEtagAndNoPost() throws Exception {
    String id = recorded("sales-hubspot").get("id").asText();
    ws.connection("sales-hubspot", "HubSpot sales (eu)");

    CliRun run = apply();

    assertTrue(run.out().contains("~ update"), run.out());
    assertEquals(1, emulator.requestCount("PATCH", ONE));
    assertEquals(2, emulator.requestCount("POST", "/connections"));
    EmulatedConnection renamed = remote("HubSpot sales (eu)");
    assertEquals(id, renamed.id());
    assertEquals(renamed.etag(), recorded("sales-hubspot").get("etag").asText());
    assertEquals("HubSpot sales (eu)", recorded("sales-hubspot").get("name").asText());
  }

  @Test
  void aRotatedSecretIsOnePatchOfTheAuthParamsPerConnection() throws Exception {
    ws.setEnv("HS_REFRESH_TOKEN", "hs-REFRESH-TOKEN-ROTATED");

    CliRun run = apply();

    assertTrue(run.out().contains("(sensitive value changed)"), run.out());
    assertTrue(run.out().contains("# secret rotated (refreshToken)"), run.out());
    assertEquals(2, emulator.requestCount("PATCH", ONE));
    assertEquals("hs-REFRESH-TOKEN-ROTATED", remote("HubSpot sales").params().get("refreshToken"));
    assertEquals(0, ws.run("plan", "--env", "test", "--detailed-exitcode").exitCode());
  }

  @Test
  void anOrphanSurvivesApplyAndIsDeletedByApplyPrune() throws Exception {
    String id = recorded("sales-hubspot").get("id").asText();
    ws.removeConnection("sales-hubspot");

    CliRun keep = apply();
    assertTrue(keep.out().contains("orphan"), keep.out());
    assertEquals(0, emulator.requestCount("DELETE", ONE));
    assertEquals(id, recorded("sales-hubspot").get("id").asText());
    // one rule for plan and status: an orphan is a pending change, pruned or not
    assertEquals(2, ws.run("plan", "--env", "test", "--detailed-exitcode").exitCode());
    assertEquals(2, ws.run("plan", "--env", "test", "--detailed-exitcode", "--prune").exitCode());
    assertEquals(2, ws.run("status", "--detailed-exitcode").exitCode());

    apply("--prune");
    assertEquals(0, ws.run("plan", "--env", "test", "--detailed-exitcode").exitCode());
    assertEquals(0, ws.run("status", "--detailed-exitcode").exitCode());
    assertEquals(1, emulator.requestCount("DELETE", ONE));
    assertEquals(null, recorded("sales-hubspot"));
    assertEquals(1, emulator.connections(Workspace.SANDBOX).size());
  }

  @Test
  void lostStateWithExistingConnectionsCreatesNothingAndPointsToImport() throws Exception {
    Files.delete(ws.stateFile());

    CliRun plan = ws.run("plan", "--env", "test", "--detailed-exitcode");
    assertEquals(2, plan.exitCode(), "a conflict is not in sync: " + plan.err());
    assertTrue(plan.out().contains("flowform import --env test marketing-hubspot "), plan.out());

    CliRun apply = ws.run("apply", "--env", "test", "--auto-approve");
    assertEquals(1, apply.exitCode(), "the manifests are not met");
    assertTrue(apply.err().contains("2 connection(s) not created"), apply.err());
    assertEquals(2, emulator.requestCount("POST", "/connections"));
    assertEquals(2, emulator.connections(Workspace.SANDBOX).size());
  }

  @Test
  void adoptExistingAdoptsTheSingleMatchInsteadOfCreating() throws Exception {
    String id = remote("HubSpot sales").id();
    Files.delete(ws.stateFile());

    apply("--adopt-existing");

    assertEquals(2, emulator.requestCount("POST", "/connections"));
    assertEquals(id, recorded("sales-hubspot").get("id").asText());
    CliRun after = ws.run("plan", "--env", "test", "--detailed-exitcode");
    assertEquals(0, after.exitCode(), "one apply converges: " + after.out());
  }

  @Test
  void importThenPlanShowsWhatDiffersFromTheManifest() throws Exception {
    String id = remote("HubSpot sales").id();
    assertEquals(0, ws.run("state", "rm", "--env", "test", "sales-hubspot").exitCode());
    ws.connection("sales-hubspot", "HubSpot sales", "Imported and described anew");

    CliRun imported = ws.run("import", "--env", "test", "sales-hubspot", id);
    assertEquals(0, imported.exitCode(), imported.err());
    assertEquals(id, recorded("sales-hubspot").get("id").asText());

    CliRun plan = ws.run("plan", "--env", "test");
    assertTrue(plan.out().contains("~ update"), plan.out());
    assertTrue(plan.out().contains("Imported and described anew"), plan.out());
    assertFalse(plan.out().contains("+ create"), plan.out());
    assertTrue(plan.out().contains("(sensitive, not comparable: imported)"), plan.out());
    assertFalse(plan.out().contains("sensitive value changed"), plan.out());
  }

  @Test
  void refreshForgetsAConnectionDeletedOutsideFlowform() throws Exception {
    String id = recorded("sales-hubspot").get("id").asText();
    emulator.removeConnection(id);

    CliRun run = ws.run("refresh", "--env", "test");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("sales-hubspot: deleted outside flowform"), run.out());
    assertEquals(null, recorded("sales-hubspot"));
    assertTrue(recorded("marketing-hubspot").has("id"));
  }

  @Test
  void aConnectionRenamedOutsideFlowformIsPatchedBackToTheManifest() throws Exception {
    EmulatedConnection sales = remote("HubSpot sales");
    RemoteEdits.rename(emulator, Workspace.ORG, Workspace.SANDBOX, sales, "Renamed by hand");

    CliRun plan = ws.run("plan", "--env", "test");
    assertTrue(plan.out().contains("changed remotely (drift)"), plan.out());
    assertTrue(plan.out().contains("\"Renamed by hand\" -> \"HubSpot sales\""), plan.out());

    apply();
    assertEquals(sales.id(), remote("HubSpot sales").id());
    assertEquals(remote("HubSpot sales").etag(), recorded("sales-hubspot").get("etag").asText());
    assertEquals(0, ws.run("plan", "--env", "test", "--detailed-exitcode").exitCode());
  }

  @Test
  void destroyDeletesEveryManagedConnectionAndEmptiesTheState() throws Exception {
    CliRun run = ws.run("destroy", "--env", "test", "--auto-approve");

    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertEquals(2, emulator.requestCount("DELETE", ONE));
    assertTrue(emulator.connections(Workspace.SANDBOX).isEmpty());
    assertEquals(
        0, new ObjectMapper().readTree(Files.readString(ws.stateFile())).get("resources").size());
  }

  @Test
  void destroyWithOutputJsonPrintsOnlyTheResult() throws Exception {
    CliRun run = ws.run("destroy", "--env", "test", "--auto-approve", "--output", "json");

    assertEquals(0, run.exitCode(), run.out() + run.err());
    JsonNode result = new ObjectMapper().readTree(run.out());
    assertEquals("succeeded", result.get("status").asText(), run.out());
    assertEquals(2, result.get("planned").get("delete").asInt(), run.out());
    assertEquals(2, result.get("changes").size(), run.out());
    assertTrue(emulator.connections(Workspace.SANDBOX).isEmpty());
  }

  @Test
  void destroyWithoutATerminalAndWithoutAutoApproveDeletesNothing() {
    CliRun run = ws.run("destroy", "--env", "test");

    assertEquals(1, run.exitCode());
    assertEquals(0, emulator.requestCount("DELETE", ONE));
    assertEquals(2, emulator.connections(Workspace.SANDBOX).size());
  }

  @Test
  void aRenamedAddressFollowedByStateMvKeepsTheConnectionInsteadOfAnOrphanAndAConflict()
      throws Exception {
    String id = recorded("sales-hubspot").get("id").asText();
    ws.removeConnection("sales-hubspot");
    ws.connection("sales-crm-hubspot", "HubSpot sales");

    CliRun before = ws.run("plan", "--env", "test", "--detailed-exitcode");
    assertEquals(2, before.exitCode(), "an orphan and a conflict: " + before.out());

    CliRun mv = ws.run("state", "mv", "--env", "test", "sales-hubspot", "sales-crm-hubspot");
    assertEquals(0, mv.exitCode(), mv.err());
    assertEquals(id, recorded("sales-crm-hubspot").get("id").asText());
    assertEquals(null, recorded("sales-hubspot"));

    CliRun after = ws.run("plan", "--env", "test");
    assertEquals(0, after.exitCode(), after.err());
    assertTrue(after.out().contains("Plan: 0 to create, 1 to update, 0 to delete"), after.out());
    assertTrue(
        after.out().contains("~ update connection \"sales-crm-hubspot\" (id " + id), after.out());
    assertFalse(after.out().contains("orphan") || after.out().contains("conflict"), after.out());
  }
}
