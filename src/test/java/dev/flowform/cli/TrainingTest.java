package dev.flowform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingTest {

  @Test
  void everyStepOfTheLaunchersWorkloadEndsAsExpected(@TempDir Path folder) {
    assertEquals(List.of(), Training.run(folder, Clock.systemUTC()));
    assertTrue(Files.exists(folder.resolve(".flowform/local.state.json")), "apply recorded state");
  }

  @Test
  void theWorkloadCoversTheCommandsThatReachThePlatform() {
    List<String> commands = Training.STEPS.stream().map(step -> step.args()[0]).toList();
    assertTrue(commands.containsAll(List.of("validate", "plan", "apply", "refresh", "status")));
  }
}
