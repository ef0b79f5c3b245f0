package dev.flowform.e2e.ci;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code .gitlab-ci.yml} as GitLab reads it, for the parts the recipe uses: {@code stages},
 * {@code default.before_script}, {@code extends} (merged deeply), {@code rules} of the form {@code
 * $A == "x" && $B != $C}, {@code parallel.matrix}, {@code variables} (expanded, and beaten by the
 * project's CI/CD variables, as GitLab's precedence has it) and {@code script}. {@code image},
 * {@code resource_group}, {@code environment} and {@code artifacts} are left to the test to check.
 */
final class GitlabPipeline {
  private static final Set<String> KEYWORDS = Set.of("stages", "default", "variables", "workflow");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");

  private final Map<String, Object> tree;

  GitlabPipeline(Map<String, Object> tree) {
    this.tree = tree;
  }

  @SuppressWarnings("unchecked")
  List<String> stages() {
    return (List<String>) tree.get("stages");
  }

  /** The jobs (hidden ones left out), in stage order, then in the file's order. */
  List<String> jobs() {
    List<String> jobs = new ArrayList<>();
    for (String stage : stages()) {
      for (String name : tree.keySet()) {
        if (!KEYWORDS.contains(name)
            && !name.startsWith(".")
            && stage.equals(job(name).get("stage"))) {
          jobs.add(name);
        }
      }
    }
    return jobs;
  }

  /** A job with what it {@code extends} merged in. */
  @SuppressWarnings("unchecked")
  Map<String, Object> job(String name) {
    Map<String, Object> own = (Map<String, Object>) tree.get(name);
    Object parent = own.get("extends");
    if (parent == null) {
      return own;
    }
    return merged(job(parent.toString()), own);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> merged(Map<String, Object> base, Map<String, Object> over) {
    Map<String, Object> out = new LinkedHashMap<>(base);
    over.forEach(
        (key, value) -> {
          if (value instanceof Map<?, ?> map && out.get(key) instanceof Map<?, ?> under) {
            out.put(key, merged((Map<String, Object>) under, (Map<String, Object>) map));
          } else {
            out.put(key, value);
          }
        });
    out.remove("extends");
    return out;
  }

  /** The jobs a pipeline with these predefined variables runs, in stage order. */
  List<String> selected(Map<String, String> predefined) {
    return jobs().stream().filter(job -> runs(job, predefined)).toList();
  }

  @SuppressWarnings("unchecked")
  private boolean runs(String name, Map<String, String> predefined) {
    List<Map<String, Object>> rules = (List<Map<String, Object>>) job(name).get("rules");
    if (rules == null) {
      return true;
    }
    return rules.stream().anyMatch(rule -> holds(rule.get("if").toString(), predefined));
  }

  private static boolean holds(String condition, Map<String, String> variables) {
    for (String clause : condition.split("&&")) {
      Matcher m = Pattern.compile("\\s*(\\S+)\\s*(==|!=)\\s*(\\S+)\\s*").matcher(clause);
      if (!m.matches()) {
        throw new AssertionError("a rule this test cannot read: " + condition);
      }
      boolean equal =
          java.util.Objects.equals(operand(m.group(1), variables), operand(m.group(3), variables));
      if (equal != m.group(2).equals("==")) {
        return false;
      }
    }
    return true;
  }

  private static String operand(String text, Map<String, String> variables) {
    if (text.startsWith("$")) {
      return variables.get(text.substring(1));
    }
    return text.replaceAll("^\"|\"$", "");
  }

  /**
   * Runs a job: once per entry of its matrix, each as one bash script of {@code before_script} and
   * {@code script}.
   *
   * @param project the project's CI/CD variables this pipeline gets (they beat the job's own)
   */
  @SuppressWarnings("unchecked")
  List<ShellRun> run(
      String name,
      Map<String, String> runner,
      Map<String, String> predefined,
      Map<String, String> project,
      Path workspace) {
    Map<String, Object> job = job(name);
    List<String> lines = new ArrayList<>();
    Map<String, Object> defaults = (Map<String, Object>) tree.getOrDefault("default", Map.of());
    lines.addAll(
        (List<String>)
            job.getOrDefault("before_script", defaults.getOrDefault("before_script", List.of())));
    lines.addAll((List<String>) job.get("script"));
    String script = String.join("\n", lines) + "\n";
    List<ShellRun> runs = new ArrayList<>();
    for (Map<String, String> cell : matrix(job)) {
      Map<String, String> env = new LinkedHashMap<>(runner);
      env.putAll(predefined);
      Map<String, Object> variables =
          new LinkedHashMap<>((Map<String, Object>) job.getOrDefault("variables", Map.of()));
      variables.putAll(cell);
      Map<String, String> known = new LinkedHashMap<>(env);
      known.putAll(project);
      variables.forEach(
          (key, value) -> {
            String expanded = expand(String.valueOf(value), known);
            known.put(key, expanded);
            env.put(key, expanded);
          });
      env.putAll(project);
      runs.add(ShellRun.run(script, workspace, env));
      if (runs.get(runs.size() - 1).exitCode() != 0) {
        break;
      }
    }
    return runs;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, String>> matrix(Map<String, Object> job) {
    Map<String, Object> parallel = (Map<String, Object>) job.get("parallel");
    if (parallel == null) {
      return List.of(Map.of());
    }
    List<Map<String, String>> cells = new ArrayList<>();
    for (Map<String, Object> entry : (List<Map<String, Object>>) parallel.get("matrix")) {
      if (entry.size() != 1) {
        throw new AssertionError("a matrix of one variable is all this test reads: " + entry);
      }
      entry.forEach(
          (key, values) ->
              ((List<Object>) values).forEach(v -> cells.add(Map.of(key, v.toString()))));
    }
    return cells;
  }

  private static String expand(String value, Map<String, String> known) {
    Matcher m = VARIABLE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(known.getOrDefault(m.group(1), "")));
    }
    m.appendTail(out);
    return out.toString();
  }
}
