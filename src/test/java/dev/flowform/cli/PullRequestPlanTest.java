package dev.flowform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pull-request recipe of docs/ci.md on the example manifests: an offline Markdown plan for each
 * environment with only the org id set, no secret at all.
 */
class PullRequestPlanTest {
  @TempDir Path project;

  private void copyExamples() throws IOException {
    Path from = Path.of("manifests");
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path to = project.resolve("manifests").resolve(from.relativize(file).toString());
        Files.createDirectories(to.getParent());
        Files.copy(file, to);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"dev", "stage", "prod"})
  void plansEveryEnvironmentOfTheExamplesWithoutAnySecret(String env) throws IOException {
    copyExamples();

    CliRun run =
        CliRun.run(
            project,
            Map.of("AEP_ORG_ID", "5C13B1D2E3F4A5B6C7D8E9F0@AdobeOrg"),
            "plan",
            "--env",
            env,
            "--refresh=false",
            "--output",
            "markdown");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("`" + env + "`"), run.out());
    assertTrue(run.out().contains("could not be resolved"), run.out());
    assertTrue(run.out().contains("to create"), run.out());
  }
}
