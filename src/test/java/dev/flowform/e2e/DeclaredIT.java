package dev.flowform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowform.cli.CliRun;
import dev.flowform.emulator.EmulatedConnection;
import dev.flowform.emulator.FlowServiceEmulator;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moves and imports declared in the manifests, targeting and forced replaces, through the real
 * command line, counting what reaches the emulator.
 */
class DeclaredIT {
  private static final String ONE = "/connections/{id}";
  private static final String ALL = "/connections";

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

  private JsonNode resources() throws Exception {
    return Numbered.recorded(ws);
  }

  private CliRun ok(String... args) {
    CliRun run = ws.run(args);
    assertEquals(0, run.exitCode(), run.out() + run.err());
    return run;
  }

  /** The same connection under a new address, as a reviewer would see it in a pull request. */
  private void renameSalesToCrm() {
    ws.removeConnection("sales-hubspot");
    ws.write(
        "connections/sales-crm.yaml",
        """
        apiVersion: flowform/v1
        kind: HubSpotConnection
        metadata:
          name: sales-crm
          movedFrom: [sales-hubspot]
        spec:
          name: HubSpot sales
          description: Managed by flowform
          auth:
            params:
              clientId: hubspot-app-sales-hubspot
              clientSecret: ${env:HS_CLIENT_SECRET}
              accessToken: ${env:HS_ACCESS_TOKEN}
              refreshToken: ${env:HS_REFRESH_TOKEN}
        """);
  }

  @Test
  void aRenameWithMovedFromPlansAMoveAndAppliesItWithoutPostOrDeleteKeepingTheId()
      throws Exception {
    String id = resources().get("sales-hubspot").get("id").asText();
    long posts = emulator.requestCount("POST", ALL);
    renameSalesToCrm();

    CliRun plan = ws.run("plan", "--env", "test", "--detailed-exitcode");
    assertEquals(2, plan.exitCode(), plan.out() + plan.err());
    assertTrue(plan.out().contains("> move connection \"sales-crm\""), plan.out());
    assertTrue(plan.out().contains("moved from \"sales-hubspot\""), plan.out());
    assertFalse(plan.out().contains("orphan"), plan.out());
    assertFalse(plan.out().contains("conflict"), plan.out());

    CliRun apply = ok("apply", "--env", "test", "--auto-approve", "--prune");

    assertTrue(apply.out().contains("1 moved"), apply.out());
    assertEquals(posts, emulator.requestCount("POST", ALL));
    assertEquals(0, emulator.requestCount("DELETE", ONE));
    assertEquals(0, emulator.requestCount("PATCH", ONE));
    assertEquals(id, resources().get("sales-crm").get("id").asText());
    assertNull(resources().get("sales-hubspot"));
    assertEquals(0, ws.run("plan", "--env", "test", "--detailed-exitcode").exitCode());
  }

  @Test
  void aSavedPlanCarriesTheMoveAndAppliesIt() throws Exception {
    String id = resources().get("sales-hubspot").get("id").asText();
    renameSalesToCrm();
    ok("plan", "--env", "test", "--out", "moves.plan");

    CliRun apply = ok("apply", "--env", "test", "moves.plan");

    assertTrue(apply.out().contains("1 moved"), apply.out());
    assertEquals(id, resources().get("sales-crm").get("id").asText());
    assertEquals(0, emulator.requestCount("DELETE", ONE));
  }

  @Test
  void aSavedPlanCarriesADeclaredImportAndAppliesItWithoutAPost() throws Exception {
    EmulatedConnection existing =
        emulator.addConnection(
            Workspace.ORG, Workspace.SANDBOX, "HubSpot support", Map.of("clientId", "someone"));
    ws.connection("support-hubspot", "HubSpot support");
    ws.writeEnvironment(
        "test", Workspace.SANDBOX, "  imports:\n    support-hubspot: " + existing.id() + "\n");
    ok("plan", "--env", "test", "--out", "imports.plan");
    long posts = emulator.requestCount("POST", ALL);

    CliRun apply = ok("apply", "imports.plan");

    assertTrue(apply.out().contains("1 imported"), apply.out());
    assertEquals(posts, emulator.requestCount("POST", ALL));
    assertEquals(existing.id(), resources().get("support-hubspot").get("id").asText());
  }

  @Test
  void aDeclaredImportOfAConnectionNamedOtherwiseAdoptsItByIdAndRenamesIt() throws Exception {
    EmulatedConnection existing =
        emulator.addConnection(
            Workspace.ORG, Workspace.SANDBOX, "Support (legacy)", Map.of("clientId", "someone"));
    ws.connection("support-hubspot", "HubSpot support");
    ws.writeEnvironment(
        "test", Workspace.SANDBOX, "  imports:\n    support-hubspot: " + existing.id() + "\n");
    long posts = emulator.requestCount("POST", ALL);
    long patches = emulator.requestCount("PATCH", ONE);

    CliRun apply = ws.run("apply", "--env", "test", "--auto-approve");

    assertEquals(0, apply.exitCode(), apply.out() + apply.err());
    assertTrue(apply.out().contains("1 imported"), apply.out());
    assertEquals(posts, emulator.requestCount("POST", ALL));
    assertTrue(emulator.requestCount("PATCH", ONE) > patches);
    assertEquals(existing.id(), resources().get("support-hubspot").get("id").asText());
    assertEquals(
        "HubSpot support",
        emulator.connections(Workspace.SANDBOX).stream()
            .filter(c -> c.id().equals(existing.id()))
            .findFirst()
            .orElseThrow()
            .name());
    CliRun again = ws.run("plan", "--env", "test", "--detailed-exitcode");
    assertEquals(0, again.exitCode(), again.out() + again.err());
  }

  @Test
  void aSavedImportEditedToTakeAnotherConnectionIsRefusedWithNothingSent() throws Exception {
    EmulatedConnection existing =
        emulator.addConnection(
            Workspace.ORG, Workspace.SANDBOX, "HubSpot support", Map.of("clientId", "someone"));
    EmulatedConnection other =
        emulator.addConnection(
            Workspace.ORG, Workspace.SANDBOX, "Someone else's", Map.of("clientId", "other"));
    ws.connection("support-hubspot", "HubSpot support");
    ws.writeEnvironment(
        "test", Workspace.SANDBOX, "  imports:\n    support-hubspot: " + existing.id() + "\n");
    ok("plan", "--env", "test", "--out", "imports.plan");
    Path file = dir.resolve("imports.plan");
    java.nio.file.Files.writeString(
        file, java.nio.file.Files.readString(file).replace(existing.id(), other.id()));
    String stateBefore = ws.read(ws.stateFile());
    long patches = emulator.requestCount("PATCH", ONE);

    CliRun apply = ws.run("apply", "imports.plan");

    assertEquals(1, apply.exitCode(), apply.out() + apply.err());
    assertTrue(apply.err().contains("saved plan refused"), apply.err());
    assertTrue(apply.err().contains("it imports connection " + other.id()), apply.err());
    assertEquals(patches, emulator.requestCount("PATCH", ONE));
    assertEquals(stateBefore, ws.read(ws.stateFile()));
  }

  @Test
  void aMoveOntoAnAddressStateHasIsRefusedBeforeAnythingIsSent() throws Exception {
    ws.connection(
        "marketing-hubspot",
        "HubSpot marketing",
        "Managed by flowform",
        "  movedFrom: [legacy-hubspot]\n");
    ws.run("state", "mv", "--env", "test", "sales-hubspot", "legacy-hubspot");
    ws.removeConnection("sales-hubspot");

    CliRun plan = ws.run("plan", "--env", "test");

    assertEquals(1, plan.exitCode(), plan.out() + plan.err());
    assertTrue(plan.err().contains("state already has 'marketing-hubspot'"), plan.err());
  }

  @Test
  void aDeclaredImportAdoptsAnExistingConnectionWithoutAPost() throws Exception {
    EmulatedConnection existing =
        emulator.addConnection(
            Workspace.ORG, Workspace.SANDBOX, "HubSpot support", Map.of("clientId", "someone"));
    ws.connection("support-hubspot", "HubSpot support");
    ws.writeEnvironment(
        "test", Workspace.SANDBOX, "  imports:\n    support-hubspot: " + existing.id() + "\n");
    long posts = emulator.requestCount("POST", ALL);

    CliRun plan = ws.run("plan", "--env", "test", "--detailed-exitcode");
    assertEquals(2, plan.exitCode(), plan.out() + plan.err());
    assertTrue(plan.out().contains("<= import connection \"support-hubspot\""), plan.out());
    assertTrue(plan.out().contains("(sensitive, not comparable: imported)"), plan.out());
    assertFalse(plan.out().contains("sensitive value changed"), plan.out());

    CliRun apply = ok("apply", "--env", "test", "--auto-approve");

    assertTrue(apply.out().contains("1 imported"), apply.out());
    assertEquals(posts, emulator.requestCount("POST", ALL));
    assertEquals(existing.id(), resources().get("support-hubspot").get("id").asText());
    CliRun again = ws.run("plan", "--env", "test", "--detailed-exitcode");
    assertEquals(0, again.exitCode(), again.out() + again.err());
  }

  @Test
  void aDeclaredImportOfAnUnknownIdIsAnErrorNamingTheId() {
    String unknown = "0b0b0b0b-1111-4222-8333-444455556666";
    ws.connection("support-hubspot", "HubSpot support");
    ws.writeEnvironment(
        "test", Workspace.SANDBOX, "  imports:\n    support-hubspot: " + unknown + "\n");

    CliRun plan = ws.run("plan", "--env", "test");

    assertEquals(1, plan.exitCode(), plan.out() + plan.err());
    assertTrue(plan.err().contains(unknown), plan.err());
    assertTrue(plan.err().contains("environments/test.yaml"), plan.err());
  }

  @Test
  void aDeclaredImportOfAnIdStateRecordsElsewhereIsAnError() throws Exception {
    String salesId = resources().get("sales-hubspot").get("id").asText();
    ws.connection("support-hubspot", "HubSpot support");
    ws.writeEnvironment(
        "test", Workspace.SANDBOX, "  imports:\n    support-hubspot: " + salesId + "\n");

    CliRun plan = ws.run("plan", "--env", "test");

    assertEquals(1, plan.exitCode(), plan.out() + plan.err());
    assertTrue(plan.err().contains("already recorded as 'sales-hubspot'"), plan.err());
  }

  @Test
  void aTargetTouchesOnlyItsConnectionAndThePlanSaysSo() throws Exception {
    ws.connection("marketing-hubspot", "HubSpot marketing", "Changed");
    ws.connection("sales-hubspot", "HubSpot sales", "Changed");

    CliRun apply = ok("apply", "--env", "test", "--auto-approve", "--target", "sales-hubspot");

    assertTrue(apply.out().contains("limited to --target sales-hubspot"), apply.out());
    assertFalse(apply.out().contains("\"marketing-hubspot\""), apply.out());
    assertEquals(1, emulator.requestCount("PATCH", ONE));
    assertEquals("Changed", resources().get("sales-hubspot").get("description").asText());
    assertEquals(
        "Managed by flowform", resources().get("marketing-hubspot").get("description").asText());
  }

  @Test
  void anUnknownTargetIsAnError() {
    CliRun plan = ws.run("plan", "--env", "test", "--target", "nowhere-hubspot");

    assertEquals(1, plan.exitCode(), plan.out() + plan.err());
    assertTrue(plan.err().contains("--target nowhere-hubspot"), plan.err());
  }

  @Test
  void replaceDeletesAndCreatesOneConnectionAgain() throws Exception {
    String old = resources().get("sales-hubspot").get("id").asText();
    long posts = emulator.requestCount("POST", ALL);

    ok("apply", "--env", "test", "--auto-approve", "--replace", "sales-hubspot");

    assertEquals(1, emulator.requestCount("DELETE", ONE));
    assertEquals(posts + 1, emulator.requestCount("POST", ALL));
    assertFalse(old.equals(resources().get("sales-hubspot").get("id").asText()));
  }

  @Test
  void statusRefreshShowsARemoteDeleteAndARemoteRenameAsDrift() throws Exception {
    String marketing = resources().get("marketing-hubspot").get("id").asText();
    EmulatedConnection sales =
        emulator.connections(Workspace.SANDBOX).stream()
            .filter(c -> c.name().equals("HubSpot sales"))
            .findFirst()
            .orElseThrow();
    emulator.removeConnection(marketing);
    RemoteEdits.rename(emulator, Workspace.ORG, Workspace.SANDBOX, sales, "Renamed by hand");

    CliRun offline = ws.run("status", "--detailed-exitcode");
    assertEquals(0, offline.exitCode(), offline.out() + offline.err());

    CliRun refreshed = ws.run("status", "--refresh", "--detailed-exitcode");

    assertEquals(2, refreshed.exitCode(), refreshed.out() + refreshed.err());
    assertTrue(refreshed.out().contains("in sync, drift: deleted remotely"), refreshed.out());
    assertTrue(refreshed.out().contains("in sync, drift: changed remotely"), refreshed.out());
    assertEquals(0, emulator.requestCount("POST", ALL) - 2);
  }

  @Test
  void statusRefreshMarksAnEnvironmentWithoutCredentialsOfflineAndFails() {
    ws.setEnv("AEP_CLIENT_SECRET", "");

    CliRun status = ws.run("status", "--refresh");

    assertEquals(1, status.exitCode(), status.out() + status.err());
    assertTrue(status.out().contains("TEST (offline)"), status.out());
  }

  @Test
  void outputGivesTheIdsForScripts() throws Exception {
    String id = resources().get("sales-hubspot").get("id").asText();

    assertEquals(id + "\n", ok("output", "--env", "test", "sales-hubspot").out());
    JsonNode list =
        new ObjectMapper().readTree(ok("state", "list", "--env", "test", "--output", "json").out());
    assertEquals(id, list.get("connections").get("sales-hubspot").get("id").asText());
    assertEquals(
        Workspace.SANDBOX, list.get("connections").get("sales-hubspot").get("sandbox").asText());
    JsonNode one =
        new ObjectMapper()
            .readTree(ok("output", "--env", "test", "sales-hubspot", "--output", "json").out());
    assertEquals("HubSpot sales", one.get("name").asText());
    assertEquals(1, ws.run("output", "--env", "test", "nowhere").exitCode());
  }
}
