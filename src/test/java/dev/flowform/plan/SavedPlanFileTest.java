package dev.flowform.plan;

import static dev.flowform.testing.Fixtures.connection;
import static dev.flowform.testing.Fixtures.desired;
import static dev.flowform.testing.Fixtures.namesFound;
import static dev.flowform.testing.Fixtures.remote;
import static dev.flowform.testing.StateFixtures.recorded;
import static dev.flowform.testing.StateFixtures.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.diag.FlowformException;
import dev.flowform.manifest.DesiredConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedPlanFileTest {
  private final SavedPlanFile files = new SavedPlanFile();
  private final Planner planner = new Planner();

  @TempDir Path dir;

  @Test
  void aSavedPlanReadsBackAsTheSamePlan() {
    DesiredConnection renamed = connection("b").name("renamed").build();
    DesiredConnection adopted = connection("c").build();
    Plan plan =
        planner.plan(
            desired(connection("a").build(), renamed, adopted),
            state(Map.of("b", recorded(connection("b").build(), "id-b"))),
            namesFound(adopted.name(), remote("id-c", adopted.name(), null)),
            new PlanOptions(false, false, true, false));
    Path file = dir.resolve("dev.plan.json");

    files.write(file, plan);
    SavedPlan read = files.read(file);

    assertEquals(plan, read.toPlan());
    assertEquals(SavedPlan.FORMAT_VERSION, read.formatVersion());
    assertTrue(read.toPlan().changes().get(2).adopts());
  }

  @Test
  void theFileIsVersionedJson() throws IOException {
    Path file = dir.resolve("p.json");
    files.write(
        file,
        planner.plan(
            desired(connection("a").build()),
            Optional.empty(),
            RemoteView.OFFLINE,
            PlanOptions.DEFAULTS));

    String json = Files.readString(file);
    assertTrue(
        json.startsWith("{\n  \"formatVersion\": \"1\",\n  \"environment\": \"dev\",\n"), json);
    assertTrue(json.contains("\"secretFingerprints\": {"), json);
  }

  @Test
  void aPlanWithUnresolvedReferencesCannotBeSaved() {
    Plan offline =
        planner.plan(
            desired(connection("a").unresolved("clientSecret").build()),
            Optional.empty(),
            RemoteView.OFFLINE,
            PlanOptions.DEFAULTS);
    Path file = dir.resolve("p.json");

    FlowformException e = assertThrows(FlowformException.class, () -> files.write(file, offline));

    assertTrue(e.getMessage().contains("a/auth/params/clientSecret"), e.getMessage());
    assertTrue(Files.notExists(file));
  }

  @Test
  void aMissingFileIsAnErrorNamingIt() {
    Path file = dir.resolve("nope.json");

    FlowformException e = assertThrows(FlowformException.class, () -> files.read(file));

    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }

  @Test
  void aCorruptFileIsAnErrorNamingIt() throws IOException {
    Path file = Files.writeString(dir.resolve("bad.json"), "{\"formatVersion\": \"1\", ");

    FlowformException e = assertThrows(FlowformException.class, () -> files.read(file));

    assertTrue(
        e.getMessage().startsWith("plan file " + file + " is not valid JSON"), e.getMessage());
  }

  @Test
  void anUnknownFormatVersionIsRefused() throws IOException {
    Path file = Files.writeString(dir.resolve("future.json"), "{\"formatVersion\": \"2\"}");

    FlowformException e = assertThrows(FlowformException.class, () -> files.read(file));

    assertTrue(e.getMessage().contains("has format version \"2\""), e.getMessage());
  }

  @Test
  void aFileThatIsNotAPlanIsRefused() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("other.json"),
            "{\"formatVersion\": \"1\", \"changes\": [{\"action\": \"explode\"}]}");

    FlowformException e = assertThrows(FlowformException.class, () -> files.read(file));

    assertTrue(e.getMessage().contains("is not a flowform plan"), e.getMessage());
  }
}
