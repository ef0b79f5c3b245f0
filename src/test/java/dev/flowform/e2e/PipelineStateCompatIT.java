package dev.flowform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowform.cli.CliRun;
import dev.flowform.emulator.EmulatorConfig;
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
  private FlowServiceEmulator emulator;
  private Workspace ws;

  @BeforeEach
  void start() {
    emulator = FlowServiceEmulator.start(EmulatorConfig.defaults());
    ws = Numbered.connections(new Workspace(dir, emulator), 3);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private CliRun ok(String... args) {
    CliRun run = ws.run(args);
    assertEquals(0, run.exitCode(), String.join(" ", args) + "\n" + run.out() + run.err());
    return run;
  }

  private void assertClean() {
    CliRun plan = ws.run("plan", "--env", "test", "--detailed-exitcode", "--no-color");
    assertEquals(0, plan.exitCode(), plan.out() + plan.err());
  }

  @Test
  void aStateFileWrittenBeforePipelineKindsPlansCleanAndTakesPipelinesOnKeepingItsLineage()
      throws Exception {
    ok("apply", "--env", "test", "--auto-approve");
    ObjectNode state = (ObjectNode) json.readTree(Files.readString(ws.stateFile()));
    state
        .get("resources")
        .forEach(r -> ((ObjectNode) r).remove(java.util.List.of(PIPELINE_FIELDS)));
    String old = json.writerWithDefaultPrettyPrinter().writeValueAsString(state);
    assertTrue(!old.contains("dependsOn") && !old.contains("attributes"), old);
    Files.writeString(ws.stateFile(), old);
    String lineage = state.get("lineage").asText();

    assertClean();
    Pipelines.write(ws, 3);
    ok("apply", "--env", "test", "--auto-approve");

    assertClean();
    JsonNode after = json.readTree(Files.readString(ws.stateFile()));
    assertEquals(lineage, after.get("lineage").asText());
    Pipelines.assertConvergedWithoutDuplicates(emulator, ws, 3);
  }

  @Test
  void aPostgresStateWrittenBeforePipelineKindsPlansCleanAndAWholePipelineAppliesIntoIt(
      TestSchema schema) throws Exception {
    usePostgres(schema);
    ok("apply", "--env", "test", "--auto-approve");
    schema.execute("UPDATE %s.resources SET doc = doc - 'attributes' - 'dependsOn' - 'outputs'");

    assertClean();
    Pipelines.write(ws, 3);
    ok("apply", "--env", "test", "--auto-approve");

    assertClean();
    assertTrue(Files.notExists(ws.stateFile()), "the state is in PostgreSQL, not in a file");
    assertEquals(12, emulator.resources(Workspace.SANDBOX).size());
    ok("destroy", "--env", "test", "--auto-approve");
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
