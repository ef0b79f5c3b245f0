package dev.flowform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowform.cli.CliRun;
import dev.flowform.emulator.EmulatorConfig;
import dev.flowform.emulator.FlowServiceEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the next runs do with a create a killed apply left pending, through the command line. */
class RecoveryIT {
  private final ObjectMapper json = new ObjectMapper();

  @TempDir Path dir;
  private FlowServiceEmulator emulator;
  private Workspace ws;

  @BeforeEach
  void start() {
    emulator = FlowServiceEmulator.start(EmulatorConfig.defaults());
    ws = new Workspace(dir, emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private CliRun run(String... args) {
    CliRun run = ws.run(args);
    assertEquals(0, run.exitCode(), String.join(" ", args) + "\n" + run.out() + run.err());
    return run;
  }

  private JsonNode resources() throws Exception {
    return json.readTree(Files.readString(ws.stateFile())).get("resources");
  }

  /**
   * Leaves {@code address} as a kill between the POST and its answer would: pending, no id, while
   * the connection landed. Returns the id of the connection that landed.
   */
  private String landedButLeftPending(String address, String name) throws Exception {
    ws.connection(address, name);
    run("apply", "--env", "test", "--auto-approve");
    ObjectNode state = (ObjectNode) json.readTree(Files.readString(ws.stateFile()));
    ObjectNode record = (ObjectNode) state.get("resources").get(address);
    String id = record.get("id").asText();
    record.put("status", "pending");
    record.remove("id");
    record.remove("etag");
    Files.writeString(ws.stateFile(), json.writeValueAsString(state));
    return id;
  }

  @Test
  void pruningAPendingRecordKeepsTheConnectionImportedUnderAnotherAddress() throws Exception {
    String id = landedButLeftPending("legacy-hubspot", "HubSpot sales");
    ws.removeConnection("legacy-hubspot");
    ws.connection("sales-hubspot", "HubSpot sales");
    run("import", "--env", "test", "sales-hubspot", id);

    run("apply", "--env", "test", "--auto-approve", "--prune");

    assertEquals(0, emulator.requestCount("DELETE", "/connections/{id}"));
    assertEquals(id, emulator.connections(Workspace.SANDBOX).get(0).id());
    assertEquals(id, resources().get("sales-hubspot").get("id").asText());
    assertTrue(resources().get("legacy-hubspot") == null, resources().toString());
  }
}
