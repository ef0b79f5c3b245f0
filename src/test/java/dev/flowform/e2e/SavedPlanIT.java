package dev.flowform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowform.cli.CliRun;
import dev.flowform.emulator.EmulatedConnection;
import dev.flowform.emulator.EmulatorConfig;
import dev.flowform.emulator.FlowServiceEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apply FILE}: a saved plan names its environment, and is executed only while its changes
 * are those a fresh plan would make; one edited by hand is refused and nothing is sent.
 */
class SavedPlanIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private FlowServiceEmulator emulator;
  private Workspace ws;
  private EmulatedConnection foreign;

  @BeforeEach
  void start() {
    emulator = FlowServiceEmulator.start(EmulatorConfig.defaults());
    ws = new Workspace(dir, emulator);
    ws.writeEnvironment("other", "other");
    ws.connection("conn-1", "HubSpot 1");
    assertEquals(0, ws.run("apply", "--env", "test", "--auto-approve").exitCode());
    foreign =
        emulator.addConnection(
            Workspace.ORG, Workspace.SANDBOX, "Someone else's", Map.of("clientId", "theirs"));
    ws.connection("conn-2", "HubSpot 2");
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void showRendersASavedPlanAsPlanPrintedItInEachFormat() {
    for (String format : new String[] {"text", "json", "markdown"}) {
      CliRun plan = ws.run("plan", "--env", "test", "--out", format + ".plan", "--output", format);
      assertEquals(0, plan.exitCode(), plan.err());
      CliRun shown = ws.run("show", format + ".plan", "--output", format);
      assertEquals(0, shown.exitCode(), shown.err());
      assertEquals(plan.out(), shown.out(), format);
      assertTrue(shown.out().contains("conn-2"), shown.out());
    }
    CliRun missing = ws.run("show", "missing.plan");
    assertEquals(1, missing.exitCode(), missing.out());
  }

  @Test
  void aSavedPlanIsAppliedInTheEnvironmentItNamesWithoutEnv() {
    CliRun plan = ws.run("plan", "--env", "test", "--out", "test.plan");

    CliRun apply = ws.run("apply", "test.plan");

    assertEquals(0, plan.exitCode(), plan.err());
    assertTrue(plan.err().contains("flowform apply --env test test.plan"), plan.err());
    assertEquals(0, apply.exitCode(), apply.err());
    assertEquals(3, emulator.connections(Workspace.SANDBOX).size());
  }

  @Test
  void anAddedDeleteOfAConnectionThisStateNeverManagedIsRefused() throws IOException {
    savedPlanEditedBy(
        changes -> {
          ObjectNode delete = changes.addObject();
          delete.put("address", "ghost");
          delete.put("action", "delete");
          delete.put("reason", "removed-from-manifests");
          delete.put("id", foreign.id());
          delete.put("etag", foreign.etag());
        });

    assertRefusedAndNothingSent("\"ghost\"");
  }

  @Test
  void aRecordedAddressCarryingAnotherIdIsRefused() throws IOException {
    savedPlanEditedBy(
        changes -> {
          for (var change : changes) {
            if (change.get("address").asText().equals("conn-1")) {
              ((ObjectNode) change).put("action", "update");
              ((ObjectNode) change).put("reason", "manifest-changed");
              ((ObjectNode) change).put("id", foreign.id());
            }
          }
        });

    assertRefusedAndNothingSent("but state records");
  }

  @Test
  void aPrunedDeleteWithTheRightIdButAnotherEtagIsRefused() throws IOException {
    ws.removeConnection("conn-1");
    savedPlanEditedBy(
        changes -> {
          for (var change : changes) {
            if (change.get("address").asText().equals("conn-1")) {
              assertEquals("delete", change.get("action").asText());
              ((ObjectNode) change).put("etag", "\"forged\"");
            }
          }
        },
        "--prune");

    assertRefusedAndNothingSent("carries etag \"forged\", but state records");
  }

  private void savedPlanEditedBy(Consumer<ArrayNode> edit, String... options) throws IOException {
    java.util.List<String> args =
        new java.util.ArrayList<>(java.util.List.of("plan", "--env", "test", "--out", "test.plan"));
    args.addAll(java.util.List.of(options));
    CliRun plan = ws.run(args.toArray(String[]::new));
    assertEquals(0, plan.exitCode(), plan.err());
    Path file = dir.resolve("test.plan");
    ObjectNode saved = (ObjectNode) JSON.readTree(Files.readString(file));
    edit.accept((ArrayNode) saved.get("changes"));
    Files.writeString(file, JSON.writeValueAsString(saved));
  }

  private void assertRefusedAndNothingSent(String why) {
    long sent = Sent.changes(emulator);
    String stateBefore = ws.read(ws.stateFile());

    CliRun apply = ws.run("apply", "test.plan");

    assertEquals(1, apply.exitCode(), apply.out() + apply.err());
    assertTrue(apply.err().contains("saved plan refused"), apply.err());
    assertTrue(apply.err().contains(why), apply.err());
    assertFalse(apply.err().contains("Exception"), apply.err());
    assertEquals(sent, Sent.changes(emulator));
    assertEquals(stateBefore, ws.read(ws.stateFile()));
    assertTrue(
        emulator.connections(Workspace.SANDBOX).stream()
            .anyMatch(c -> c.id().equals(foreign.id()) && c.name().equals("Someone else's")));
  }
}
