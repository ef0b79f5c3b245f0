package dev.flowform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowform.emulator.FlowServiceEmulator;
import dev.flowform.model.PostgresUrl;
import dev.flowform.testing.PostgresExtension;
import dev.flowform.testing.TestSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * States written before pipeline kinds (records without attributes, dependencies or outputs) keep
 * working with no change in plan, in a file and in PostgreSQL; and a whole pipeline applies into
 * PostgreSQL state, plans clean and is destroyed from it.
 */
@ExtendWith(PostgresExtension.class)
class PipelineStateCompatIT {
  private static final String[] PIPELINE_FIELDS = {"attributes", "dependsOn", "outputs"};
  private final ObjectMapper json = new ObjectMapper();

  @TempDir Path dir;
  private EmulatedWorkspace fixture;
  private FlowServiceEmulator emulator;
  private Workspace ws;

  @BeforeEach
  void start() {
    fixture = EmulatedWorkspace.start(dir, ws -> Numbered.connections(ws, 3));
    emulator = fixture.emulator();
    ws = fixture.workspace();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void aStateFileWrittenBeforePipelineKindsPlansCleanAndTakesPipelinesOnKeepingItsLineage()
      throws Exception {
    fixture.ok("apply", "--env", "test", "--auto-approve");
    ObjectNode state = (ObjectNode) json.readTree(Files.readString(ws.stateFile()));
    state
        .get("resources")
        .forEach(r -> ((ObjectNode) r).remove(java.util.List.of(PIPELINE_FIELDS)));
    String old = json.writerWithDefaultPrettyPrinter().writeValueAsString(state);
    assertTrue(!old.contains("dependsOn") && !old.contains("attributes"), old);
    Files.writeString(ws.stateFile(), old);
    String lineage = state.get("lineage").asText();

    fixture.assertClean();
    Pipelines.write(ws, 3);
    fixture.ok("apply", "--env", "test", "--auto-approve");

    fixture.assertClean();
    JsonNode after = json.readTree(Files.readString(ws.stateFile()));
    assertEquals(lineage, after.get("lineage").asText());
    Pipelines.assertConvergedWithoutDuplicates(emulator, ws, 3);
  }

  @Test
  void aPostgresStateWrittenBeforePipelineKindsPlansCleanAndAWholePipelineAppliesIntoIt(
      TestSchema schema) throws Exception {
    usePostgres(schema);
    fixture.ok("apply", "--env", "test", "--auto-approve");
    schema.execute("UPDATE %s.resources SET doc = doc - 'attributes' - 'dependsOn' - 'outputs'");

    fixture.assertClean();
    Pipelines.write(ws, 3);
    fixture.ok("apply", "--env", "test", "--auto-approve");

    fixture.assertClean();
    assertTrue(Files.notExists(ws.stateFile()), "the state is in PostgreSQL, not in a file");
    assertEquals(12, emulator.resources(Workspace.SANDBOX).size());
    fixture.ok("destroy", "--env", "test", "--auto-approve");
    assertTrue(emulator.resources(Workspace.SANDBOX).isEmpty());
    assertTrue(emulator.connections(Workspace.SANDBOX).isEmpty());
  }

  private void usePostgres(TestSchema schema) {
    PostgresUrl parsed = schema.parsedUrl("compat");
    String url =
        "postgresql://"
            + parsed.user()
            + "@"
            + parsed.host()
            + ":"
            + parsed.port()
            + "/"
            + parsed.database()
            + "?schema="
            + schema.name()
            + "&key=compat";
    ws.setEnv("PGPASSWORD", schema.password());
    ws.writeEnvironment("test", Workspace.SANDBOX, "  state: \"" + url + "\"\n");
  }
}
