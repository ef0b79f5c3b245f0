package dev.flowform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowform.cli.CliRun;
import dev.flowform.emulator.EmulatedConnection;
import dev.flowform.emulator.FlowServiceEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real command line against the emulator on a free port: create, record, converge. */
class ApplyIT {
  private static final String POST = "/connections";

  @TempDir Path dir;
  private EmulatedWorkspace fixture;
  private FlowServiceEmulator emulator;
  private Workspace ws;

  @BeforeEach
  void start() {
    fixture = EmulatedWorkspace.twoDeclared(dir);
    emulator = fixture.emulator();
    ws = fixture.workspace();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private Map<String, EmulatedConnection> remoteByName() {
    return emulator.connections(Workspace.SANDBOX).stream()
        .collect(Collectors.toMap(EmulatedConnection::name, c -> c));
  }

  private JsonNode state() throws Exception {
    return new ObjectMapper().readTree(Files.readString(ws.stateFile()));
  }

  @Test
  void theFirstApplyCreatesEveryConnectionAndRecordsEachIdAndEtag() throws Exception {
    CliRun run = ws.run("apply", "--env", "test", "--auto-approve");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("Plan: 2 to create, 0 to update, 0 to delete"), run.out());
    assertEquals(2, emulator.requestCount("POST", POST));
    Map<String, EmulatedConnection> remote = remoteByName();
    JsonNode resources = state().get("resources");
    for (String address : List.of("marketing-hubspot", "sales-hubspot")) {
      JsonNode recorded = resources.get(address);
      EmulatedConnection actual = remote.get(recorded.get("name").asText());
      assertEquals("created", recorded.get("status").asText());
      assertEquals(actual.id(), recorded.get("id").asText());
      assertEquals(actual.etag(), recorded.get("etag").asText());
    }
  }

  @Test
  void theSecondApplySendsNothingAndANewManifestSendsOnePost() {
    assertEquals(0, ws.run("apply", "--env", "test", "--auto-approve").exitCode());

    CliRun again = ws.run("apply", "--env", "test", "--auto-approve");
    assertEquals(0, again.exitCode(), again.err());
    assertTrue(again.out().contains("No changes."), again.out());
    assertEquals(2, emulator.requestCount("POST", POST));

    ws.connection("events-hubspot", "HubSpot events");
    CliRun third = ws.run("apply", "--env", "test", "--auto-approve");
    assertEquals(0, third.exitCode(), third.err());
    assertEquals(3, emulator.requestCount("POST", POST));
    assertEquals(3, emulator.connections(Workspace.SANDBOX).size());
  }

  @Test
  void detailedExitCodeIsTwoBeforeApplyAndZeroAfter() {
    assertEquals(2, ws.run("plan", "--env", "test", "--detailed-exitcode").exitCode());
    assertEquals(0, ws.run("apply", "--env", "test", "--auto-approve").exitCode());
    CliRun after = ws.run("plan", "--env", "test", "--detailed-exitcode");
    assertEquals(0, after.exitCode(), after.out() + after.err());
  }

  @Test
  void applyWithoutATerminalAndWithoutAutoApproveRefusesAndSendsNothing() {
    CliRun run = ws.run("apply", "--env", "test");

    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("--auto-approve"), run.err());
    assertEquals(0, emulator.requestCount("POST", POST));
    assertFalse(Files.exists(ws.stateFile()));
  }

  @Test
  void applyOnATerminalGoesAheadOnlyOnYes() {
    CliRun no = CliRun.run(dir, ws.env(), "no\n", true, "apply", "--env", "test");
    assertEquals(1, no.exitCode());
    assertEquals(0, emulator.requestCount("POST", POST));

    CliRun yes = CliRun.run(dir, ws.env(), "yes\n", true, "apply", "--env", "test", "--no-color");
    assertEquals(0, yes.exitCode(), yes.err());
    assertTrue(yes.out().contains("Only 'yes' will be accepted"), yes.out());
    assertEquals(2, emulator.requestCount("POST", POST));
  }

  @Test
  void aSavedPlanIsAppliedExactlyAndRefusedOnceStale() {
    Path planFile = dir.resolve("test.plan");
    assertEquals(0, ws.run("plan", "--env", "test", "--out", planFile.toString()).exitCode());
    assertEquals(0, ws.run("apply", "--env", "test", planFile.toString()).exitCode());
    assertEquals(2, emulator.requestCount("POST", POST));

    CliRun stale = ws.run("apply", "--env", "test", planFile.toString());
    assertEquals(1, stale.exitCode());
    assertTrue(stale.err().contains("stale plan"), stale.err());
    assertEquals(2, emulator.requestCount("POST", POST));
  }

  @Test
  void aPlanSavedBeforeAnyStateIsRefusedWhenTheEnvironmentNowTargetsAnotherOrg() {
    String otherOrg = "0A1B2C3D4E5F60718293A4B5@AdobeOrg";
    emulator.addConnection(otherOrg, Workspace.SANDBOX, "HubSpot sales", Map.of("clientId", "x"));
    Path planFile = dir.resolve("test.plan");
    assertEquals(0, ws.run("plan", "--env", "test", "--out", planFile.toString()).exitCode());
    String environment = ws.read(ws.manifests().resolve("environments/test.yaml"));
    ws.write("environments/test.yaml", environment.replace(Workspace.ORG, otherOrg));

    CliRun run = ws.run("apply", "--env", "test", planFile.toString());

    assertEquals(1, run.exitCode(), run.out());
    assertTrue(run.err().contains("stale plan: it was made for org " + Workspace.ORG), run.err());
    assertEquals(0, emulator.requestCount("POST", POST));
    assertEquals(1, emulator.connections(otherOrg, Workspace.SANDBOX).size());
    assertFalse(Files.exists(ws.stateFile()));
  }

  @Test
  void noSecretValueAppearsInStateBackupSavedPlanOrAnyOutput() throws Exception {
    StringBuilder everything = new StringBuilder();
    Path planFile = dir.resolve("test.plan");
    for (String[] args :
        List.of(
            new String[] {"plan", "--env", "test", "--verbose", "--out", planFile.toString()},
            new String[] {"apply", "--env", "test", "--verbose", planFile.toString()},
            new String[] {"plan", "--env", "test", "--output", "json"},
            new String[] {"plan", "--env", "test", "--output", "markdown"},
            new String[] {"state", "show", "--env", "test", "marketing-hubspot"},
            new String[] {"state", "list", "--env", "test"})) {
      CliRun run = ws.run(args);
      assertEquals(0, run.exitCode(), String.join(" ", args) + "\n" + run.err());
      everything.append(run.out()).append(run.err());
    }
    ws.setEnv("HS_ACCESS_TOKEN", "hs-ACCESS-TOKEN-ROTATED-0004");
    CliRun rotate = ws.run("apply", "--env", "test", "--auto-approve", "--verbose");
    assertEquals(0, rotate.exitCode(), rotate.err());
    everything.append(rotate.out()).append(rotate.err());
    for (Path file : List.of(ws.stateFile(), Path.of(ws.stateFile() + ".backup"), planFile)) {
      everything.append(ws.read(file));
    }

    assertTrue(everything.toString().contains("(sensitive)"), "the trace shows redactions");
    for (String secret : ws.secretValues()) {
      assertFalse(everything.toString().contains(secret), "leaked a secret");
    }
    assertFalse(everything.toString().contains("hs-ACCESS-TOKEN-ROTATED-0004"), "leaked");
  }
}
