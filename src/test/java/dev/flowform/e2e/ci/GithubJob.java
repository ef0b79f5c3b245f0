package dev.flowform.e2e.ci;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one job of a GitHub Actions workflow as a runner would: each {@code run:} step in bash, with
 * the step's {@code env:}, {@code $GITHUB_PATH}, {@code $GITHUB_OUTPUT} (as {@code
 * steps.ID.outputs.NAME}) and {@code $GITHUB_STEP_SUMMARY}. Steps that {@code uses:} an action
 * (checkout, setup-java, artifacts, the comment action) are not run: the test's workspace is the
 * checkout, its JDK the runner's Java, and it reads what an action would upload or post from the
 * workspace. Stops at the first failing step, as a runner does.
 */
final class GithubJob {
  private final Map<String, Object> job;
  private final Path workspace;
  private final Map<String, String> runnerEnv;

  /**
   * @param runnerEnv what the runner's shell has before any step (PATH, HOME, ...)
   */
  GithubJob(Map<String, Object> job, Path workspace, Map<String, String> runnerEnv) {
    this.job = job;
    this.workspace = workspace;
    this.runnerEnv = runnerEnv;
  }

  /**
   * What a job did.
   *
   * @param steps the run steps, in order; the last failed when the job failed
   * @param actions the {@code uses:} steps skipped, with their {@code with:} expanded
   * @param summary what the steps appended to {@code $GITHUB_STEP_SUMMARY}
   */
  record Run(List<ShellRun> steps, List<Map<String, String>> actions, String summary) {
    boolean succeeded() {
      return steps.stream().allMatch(s -> s.exitCode() == 0);
    }

    ShellRun last() {
      return steps.get(steps.size() - 1);
    }

    String shown() {
      StringBuilder out = new StringBuilder();
      steps.forEach(s -> out.append(s.shown()).append('\n'));
      return out.toString();
    }
  }

  @SuppressWarnings("unchecked")
  Run run(Expressions expressions) {
    try {
      Path files = Files.createDirectories(workspace.resolveSibling("runner"));
      Path path = Files.createTempFile(files, "path", "");
      Path output = Files.createTempFile(files, "output", "");
      Path summary = Files.createTempFile(files, "summary", "");
      Map<String, String> outputs = new HashMap<>();
      List<ShellRun> runs = new ArrayList<>();
      List<Map<String, String>> actions = new ArrayList<>();
      for (Map<String, Object> step : (List<Map<String, Object>>) job.get("steps")) {
        Expressions now = expressions.with(outputs);
        if (step.containsKey("uses")) {
          Map<String, String> with = new LinkedHashMap<>();
          with.put("uses", step.get("uses").toString());
          Map<String, Object> given = (Map<String, Object>) step.getOrDefault("with", Map.of());
          given.forEach((k, v) -> with.put(k, now.expand(String.valueOf(v))));
          actions.add(with);
          continue;
        }
        Map<String, String> env = new LinkedHashMap<>(runnerEnv);
        env.put("PATH", prepended(path, runnerEnv.get("PATH")));
        env.put("GITHUB_PATH", path.toString());
        env.put("GITHUB_OUTPUT", output.toString());
        env.put("GITHUB_STEP_SUMMARY", summary.toString());
        Map<String, Object> stepEnv = (Map<String, Object>) step.getOrDefault("env", Map.of());
        stepEnv.forEach((k, v) -> env.put(k, now.expand(String.valueOf(v))));
        Files.writeString(output, "");
        ShellRun run = ShellRun.run(now.expand(step.get("run").toString()), workspace, env);
        runs.add(run);
        if (run.exitCode() != 0) {
          break;
        }
        if (step.containsKey("id")) {
          for (String line : Files.readAllLines(output)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
              outputs.put(
                  "steps." + step.get("id") + ".outputs." + line.substring(0, eq),
                  line.substring(eq + 1));
            }
          }
        }
      }
      return new Run(runs, actions, Files.readString(summary));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** PATH with the folders the steps added to {@code $GITHUB_PATH} in front, latest first. */
  private static String prepended(Path githubPath, String path) throws IOException {
    List<String> added = new ArrayList<>(Files.readAllLines(githubPath));
    java.util.Collections.reverse(added);
    added.add(path);
    return String.join(":", added);
  }
}
