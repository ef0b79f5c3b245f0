package dev.flowform.cli.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.plan.Plan;
import dev.flowform.plan.SavedPlanFile;
import dev.flowform.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every secret in the fixtures starts with {@code TOPSECRET}; none may reach any output, whatever
 * the change (create, adopt, update of a rotated secret, replace, delete, orphan, conflict).
 */
class NoSecretInAnyOutputTest {
  private static final String MARK = "TOPSECRET";

  @TempDir Path dir;

  @Test
  void noRendererShowsASecretValue() {
    assertTrue(Fixtures.secretValue("a", "clientSecret").contains(MARK), "fixtures use the mark");
    for (Plan plan : plans()) {
      for (PlanRenderer renderer :
          List.of(
              new TextPlanRenderer(false),
              new TextPlanRenderer(true),
              new JsonPlanRenderer(),
              new MarkdownPlanRenderer())) {
        String out = renderer.render(plan);
        assertFalse(out.contains(MARK), () -> renderer.getClass().getSimpleName() + ":\n" + out);
      }
    }
  }

  @Test
  void noSavedPlanHoldsASecretValue() throws IOException {
    int i = 0;
    for (Plan plan : plans()) {
      Path file = dir.resolve("plan-" + i++ + ".json");
      new SavedPlanFile().write(file, plan);
      String saved = Files.readString(file);
      assertTrue(saved.contains("sha256:"), saved);
      assertFalse(saved.contains(MARK), saved);
    }
  }

  private static List<Plan> plans() {
    List<Plan> plans = new ArrayList<>();
    plans.add(SamplePlans.small());
    plans.add(SamplePlans.everything(false));
    plans.add(SamplePlans.everything(true));
    plans.add(SamplePlans.manyCreates(3));
    return plans;
  }
}
