package dev.flowform.e2e.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowform.e2e.ci.DocBlocks.Block;
import dev.flowform.emulator.EmulatorConfig;
import dev.flowform.emulator.FaultKind;
import dev.flowform.emulator.FlowServiceEmulator;
import dev.flowform.emulator.Operation;
import dev.flowform.model.PostgresUrl;
import dev.flowform.testing.PostgresExtension;
import dev.flowform.testing.TestSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Every recipe of docs/ci.md, extracted from the page and run as written: the shell of each GitHub
 * Actions {@code run:} step and of each GitLab job's {@code before_script} and {@code script}, and
 * the page's {@code sh} blocks, in bash, in a checkout holding a copy of the example {@code
 * manifests/}, with the built {@code target/flowform.jar} installed by the page's own install step
 * (its URL a {@code file:} one). The real environments point at an emulator on loopback, their
 * state at the suite's PostgreSQL; each job gets the variables its {@code env:} or {@code
 * variables:} name, set to test values, and nothing else of this JVM's environment.
 *
 * <p>Not run, and why: steps that {@code uses:} an action (checkout: the test's checkout is the
 * copy; setup-java: the runner's Java is this test's; upload and download of artifacts and the
 * comment action: the test reads their inputs from the checkout instead), a job's {@code if:}, and
 * GitLab's {@code image}, {@code resource_group} and {@code environment}, which only a CI server
 * gives meaning to.
 */
@ExtendWith(PostgresExtension.class)
class CiRecipesIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ORG = "5C13B1D2E3F4A5B6C7D8E9F0@AdobeOrg";
  private static final String READER_PASSWORD = "r3ad-only-pw";
  private static final Path JAR = Path.of("target/flowform.jar");

  /** The first line of each {@code sh} block this test runs. */
  private static final String INSTALL =
      "curl -fsSL -o \"$HOME/flowform.jar\" \"$FLOWFORM_JAR_URL\"";

  private static final String MIGRATE = "flowform state migrate --env prod";
  private static final String PROMOTE = "flowform plan --env prod --out prod.plan";
  private static final String WATCH = "flowform status --refresh --environments prod";
  private static final String LOCALLY = "flowform validate --env local";

  /** The GitHub workflows and the GitLab file this test runs, by the name the page gives them. */
  private static final String VALIDATE = ".github/workflows/flowform-validate.yml";

  private static final String PLAN = ".github/workflows/flowform-plan.yml";
  private static final String APPLY = ".github/workflows/flowform-apply.yml";
  private static final String APPLY_ONE = ".github/workflows/flowform-apply-one.yml";
  private static final String DRIFT = ".github/workflows/flowform-drift.yml";
  private static final String GITLAB = ".gitlab-ci.yml";

  @TempDir Path root;
  private FlowServiceEmulator emulator;
  private CiProject project;
  private TestSchema schema;
  private String reader;

  @AfterEach
  void stop() throws SQLException {
    if (emulator != null) {
      emulator.close();
    }
    if (reader != null) {
      schema.execute("DROP SCHEMA IF EXISTS %s CASCADE", "DROP ROLE IF EXISTS " + reader);
    }
  }

  private static List<Block> blocks() throws IOException {
    return DocBlocks.of(Files.readString(Path.of("docs/ci.md")));
  }

  private static Block sh(String firstLine) throws IOException {
    return blocks().stream()
        .filter(b -> b.language().equals("sh") && b.firstLine().startsWith(firstLine))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no sh block starting " + firstLine));
  }

  private static Map<String, Object> yaml(String file) throws IOException {
    Block block =
        blocks().stream()
            .filter(b -> b.language().equals("yaml") && b.file().equals(file))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no yaml block for " + file));
    return new Yaml().load(block.text());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> job(String file, String job) throws IOException {
    return (Map<String, Object>) ((Map<String, Object>) yaml(file).get("jobs")).get(job);
  }

  /** The emulator, the project, its state in {@code schema} (or files when null). */
  private void start(TestSchema schema, boolean postgres) {
    assertTrue(Files.isRegularFile(JAR), "build the jar first: ./mvnw package");
    this.schema = schema;
    emulator = FlowServiceEmulator.start(EmulatorConfig.defaults());
    project = new CiProject(root);
    for (String environment : CiProject.REAL) {
      project.pointAt(
          environment,
          emulator,
          postgres ? CiProject.stateUrl(admin(), schema.name(), environment) : null);
    }
    reader = postgres ? "ro_" + schema.name() : null;
  }

  private PostgresUrl admin() {
    return schema.parsedUrl("unused");
  }

  /** The repository's and each GitHub environment's variables and secrets, as test values. */
  private Expressions github() {
    Map<String, String> values = new HashMap<>();
    values.put("vars.FLOWFORM_JAR_URL", JAR.toAbsolutePath().toUri().toString());
    values.put("vars.AEP_ORG_ID", ORG);
    values.put("vars.FLOWFORM_PG_USER", admin().user());
    values.put("secrets.FLOWFORM_PG_PASSWORD", schema.password());
    values.put("vars.FLOWFORM_PG_READONLY_USER", String.valueOf(reader));
    values.put("secrets.FLOWFORM_PG_READONLY_PASSWORD", READER_PASSWORD);
    secrets().forEach((name, value) -> values.put("secrets." + name, value));
    values.put("github.event.pull_request.number", "42");
    values.put("github.event.workflow_run.head_repository.full_name", "fork/flowform-infra");
    values.put("github.event.workflow_run.head_sha", "0123456789abcdef");
    values.put("github.event.workflow_run.id", "777");
    values.put("github.token", "ghs-not-used");
    return new Expressions(values);
  }

  /** The AEP and HubSpot secrets the example manifests need. */
  private static Map<String, String> secrets() {
    Map<String, String> secrets = new LinkedHashMap<>();
    secrets.put("AEP_CLIENT_ID", "ci-client");
    secrets.put("AEP_CLIENT_SECRET", "p8e-CI-AEP-SECRET");
    for (String team : List.of("MARKETING", "SALES")) {
      secrets.put("HUBSPOT_" + team + "_CLIENT_SECRET", "hs-" + team + "-CLIENT-SECRET");
      secrets.put("HUBSPOT_" + team + "_ACCESS_TOKEN", "hs-" + team + "-ACCESS-TOKEN");
      secrets.put("HUBSPOT_" + team + "_REFRESH_TOKEN", "hs-" + team + "-REFRESH-TOKEN");
    }
    return secrets;
  }

  private Map<String, String> githubRunner() {
    return project.runner(
        Map.of(
            "GITHUB_ACTIONS",
            "true",
            "GITHUB_RUN_ID",
            "4242",
            "GITHUB_WORKSPACE",
            project.checkout().toString()));
  }

  private GithubJob.Run runJob(String file, String job, Expressions expressions)
      throws IOException {
    return new GithubJob(job(file, job), project.checkout(), githubRunner()).run(expressions);
  }

  /** The runner's shell once the page's install step ran: {@code flowform} on the PATH. */
  private Map<String, String> installed(Map<String, String> more) {
    Map<String, String> env = new LinkedHashMap<>(githubRunner());
    env.put("PATH", project.home().resolve("bin") + ":" + env.get("PATH"));
    env.putAll(more);
    return env;
  }

  /** The read-only role of the page's SQL, made once flowform created its schema. */
  private void readOnlyRole() throws IOException, SQLException {
    Block sql = blocks().stream().filter(b -> b.language().equals("sql")).findFirst().orElseThrow();
    List<String> statements = new ArrayList<>();
    for (String line : sql.text().split("\n")) {
      if (line.contains("flowform_readonly")) {
        statements.add(
            line.replace("flowform_readonly", reader)
                .replace("'...'", "'" + READER_PASSWORD + "'")
                .replace("SCHEMA flowform ", "SCHEMA %s ")
                .replaceAll(";$", ""));
      }
    }
    assertEquals(3, statements.size(), sql.text());
    schema.execute(statements.toArray(String[]::new));
  }

  private static JsonNode oneJson(Path file) throws IOException {
    try (MappingIterator<JsonNode> documents =
        JSON.readerFor(JsonNode.class).readValues(file.toFile())) {
      List<JsonNode> all = documents.readAll();
      assertEquals(1, all.size(), Files.readString(file));
      return all.get(0);
    }
  }

  private void assertNoSecretIn(String text) {
    for (String secret : secrets().values()) {
      assertFalse(text.contains(secret), secret);
    }
    assertFalse(text.contains(schema.password()));
  }

  @Test
  void theGithubActionsRecipesRunAsWritten(TestSchema schema) throws Exception {
    start(schema, true);
    Expressions github = github();

    ShellRun install =
        ShellRun.run(
            sh(INSTALL).text(),
            project.checkout(),
            installed(Map.of("FLOWFORM_JAR_URL", JAR.toAbsolutePath().toUri().toString())));
    assertEquals(0, install.exitCode(), install.shown());
    assertTrue(install.out().startsWith("flowform "), install.shown());

    // the pull request's first workflow: validate, remember the number
    GithubJob.Run validate = runJob(VALIDATE, "validate", github);
    assertTrue(validate.succeeded(), validate.shown());
    assertEquals("42", project.read("pr-number").strip());

    // the merge: dev, then stage, then prod, each through the reusable workflow
    appliesInOrder(github);
    assertEquals(2, emulator.connections("dev").size());
    assertEquals(1, emulator.connections("stage").size());
    assertEquals(1, emulator.connections("prod").size());

    readOnlyRole();
    pullRequestPlan(github);
    nightlyDrift(github);

    // promotion of an exact plan, with the apply job's variables
    Map<String, String> applyEnv = applyJobEnv("prod");
    ShellRun promote = ShellRun.run(sh(PROMOTE).text(), project.checkout(), installed(applyEnv));
    assertEquals(0, promote.exitCode(), promote.shown());
    assertEquals(1, emulator.connections("prod").size(), "recreated from the saved plan");

    // watching prod, handing ids on, a targeted apply
    Map<String, String> watchEnv = new LinkedHashMap<>(applyEnv);
    Path summary = root.resolve("watch-summary.md");
    watchEnv.put("GITHUB_STEP_SUMMARY", summary.toString());
    ShellRun watch = ShellRun.run(sh(WATCH).text(), project.checkout(), installed(watchEnv));
    assertEquals(0, watch.exitCode(), watch.shown());
    assertTrue(Files.readString(summary).contains("marketing-hubspot"), watch.shown());
    assertEquals(
        emulator.connections("prod").get(0).id(),
        oneJson(project.checkout().resolve("connections.json"))
            .path("connections")
            .path("marketing-hubspot")
            .path("id")
            .asText(),
        project.read("connections.json"));

    failedApplyStillWritesOneJsonResult(github);
  }

  @SuppressWarnings("unchecked")
  private void appliesInOrder(Expressions github) throws IOException {
    Map<String, Object> jobs = (Map<String, Object>) yaml(APPLY).get("jobs");
    assertEquals(List.of("dev", "stage", "prod"), List.copyOf(jobs.keySet()));
    assertEquals("dev", ((Map<String, Object>) jobs.get("stage")).get("needs"));
    assertEquals("stage", ((Map<String, Object>) jobs.get("prod")).get("needs"));
    for (Object value : jobs.values()) {
      Map<String, Object> caller = (Map<String, Object>) value;
      assertEquals("./" + APPLY_ONE, caller.get("uses"));
      String environment = ((Map<String, String>) caller.get("with")).get("environment");
      Path result = project.checkout().resolve("apply-result.json");
      GithubJob.Run apply =
          runJob(APPLY_ONE, "apply", github.with(Map.of("inputs.environment", environment)));
      assertTrue(apply.succeeded(), apply.shown());
      assertEquals("succeeded", oneJson(result).path("status").asText(), environment);
      assertEquals(
          environment,
          job(APPLY_ONE, "apply")
              .get("environment")
              .toString()
              .replace("${{ inputs.environment }}", environment));
      assertNoSecretIn(apply.shown());
    }
  }

  /** The apply job's step environment for one environment, expanded. */
  @SuppressWarnings("unchecked")
  private Map<String, String> applyJobEnv(String environment) throws IOException {
    Expressions expressions = github().with(Map.of("inputs.environment", environment));
    Map<String, String> env = new LinkedHashMap<>();
    for (Map<String, Object> step :
        (List<Map<String, Object>>) job(APPLY_ONE, "apply").get("steps")) {
      if ("Apply".equals(step.get("name"))) {
        ((Map<String, Object>) step.get("env"))
            .forEach((k, v) -> env.put(k, expressions.expand(v.toString())));
      }
    }
    assertFalse(env.isEmpty());
    env.remove("FLOWFORM_ENV");
    return env;
  }

  @SuppressWarnings("unchecked")
  private void pullRequestPlan(Expressions github) throws IOException {
    Map<String, Object> plan = job(PLAN, "plan");
    List<Object> matrix =
        (List<Object>)
            ((Map<String, Object>) ((Map<String, Object>) plan.get("strategy")).get("matrix"))
                .get("env");
    assertEquals(CiProject.REAL, matrix);
    // fork-safe: the plan step names no AEP or HubSpot secret, plans offline, takes no lock
    for (Map<String, Object> step : (List<Map<String, Object>>) plan.get("steps")) {
      if ("Plan".equals(step.get("name"))) {
        assertEquals(
            java.util.Set.of("AEP_ORG_ID", "PGUSER", "PGPASSWORD"),
            ((Map<String, Object>) step.get("env")).keySet());
        for (String line : step.get("run").toString().strip().split("\n")) {
          assertTrue(line.contains("--refresh=false --lock=false"), line);
        }
      }
      if (step.get("with") instanceof Map<?, ?> with && with.containsKey("repository")) {
        assertEquals(false, with.get("persist-credentials"), "the fork's code gets no token");
      }
    }
    project.write(
        "manifests/connections/marketing-hubspot.yaml",
        project
            .read("manifests/connections/marketing-hubspot.yaml")
            .replace("Marketing CRM contacts and companies", "Marketing CRM contacts"));
    for (Object environment : matrix) {
      GithubJob.Run run =
          runJob(PLAN, "plan", github.with(Map.of("matrix.env", environment.toString())));
      assertTrue(run.succeeded(), run.shown());
      String markdown = project.read("plan.md");
      assertTrue(markdown.contains("marketing-hubspot"), markdown);
      assertTrue(markdown.contains("Marketing CRM contacts"), markdown);
      assertNoSecretIn(markdown + run.shown());
      JsonNode json = oneJson(project.checkout().resolve("plan.json"));
      assertEquals(environment.toString(), json.path("environment").asText(), json.toString());
      assertEquals(
          List.of("plan.md"),
          run.actions().stream()
              .filter(a -> a.containsKey("path") && a.get("uses").contains("comment"))
              .map(a -> a.get("path"))
              .toList());
    }
    GithubJob.Run status = runJob(PLAN, "status", github);
    assertTrue(status.succeeded(), status.shown());
    assertTrue(status.summary().contains("marketing-hubspot"), status.summary());
    assertTrue(status.summary().contains("changed"), status.summary());
    project.write(
        "manifests/connections/marketing-hubspot.yaml",
        project
            .read("manifests/connections/marketing-hubspot.yaml")
            .replace("Marketing CRM contacts\n", "Marketing CRM contacts and companies\n"));
  }

  @SuppressWarnings("unchecked")
  private void nightlyDrift(Expressions github) throws IOException {
    Map<String, Object> drift = job(DRIFT, "drift");
    List<Object> matrix =
        (List<Object>)
            ((Map<String, Object>) ((Map<String, Object>) drift.get("strategy")).get("matrix"))
                .get("env");
    assertEquals(CiProject.REAL, matrix, "the real environments, not local");
    for (Object environment : matrix) {
      Expressions now = github.with(Map.of("matrix.env", environment.toString()));
      String protectedOne =
          now.expand(
              job(APPLY_ONE, "apply")
                  .get("environment")
                  .toString()
                  .replace("inputs.environment", "matrix.env"));
      Object own = drift.get("environment");
      assertNotEquals(
          protectedOne,
          own == null ? null : now.expand(own.toString()),
          "a drift job in a protected environment waits for a reviewer every night");
      GithubJob.Run run = runJob(DRIFT, "drift", now);
      assertTrue(run.succeeded(), run.shown());
    }
    emulator.removeConnection(emulator.connections("prod").get(0).id());
    GithubJob.Run run = runJob(DRIFT, "drift", github.with(Map.of("matrix.env", "prod")));
    assertEquals(2, run.last().exitCode(), run.shown());
    assertTrue(run.last().out().contains("marketing-hubspot"), run.shown());
  }

  private void failedApplyStillWritesOneJsonResult(Expressions github) throws IOException {
    Path result = project.checkout().resolve("apply-result.json");
    emulator.injectFaults(Operation.UPDATE, FaultKind.UNAVAILABLE, 50);
    project.write(
        "manifests/connections/sales-hubspot.yaml",
        project
            .read("manifests/connections/sales-hubspot.yaml")
            .replace("Sales pipeline deals", "Sales deals"));
    GithubJob.Run failed =
        runJob(APPLY_ONE, "apply", github.with(Map.of("inputs.environment", "dev")));
    assertEquals(1, failed.last().exitCode(), failed.shown());
    assertEquals("failed", oneJson(result).path("status").asText());

    GithubJob.Run missing =
        runJob(
            APPLY_ONE,
            "apply",
            github.with(
                Map.of("inputs.environment", "dev", "secrets.HUBSPOT_SALES_ACCESS_TOKEN", "")));
    assertEquals(1, missing.last().exitCode(), missing.shown());
    JsonNode error = oneJson(result);
    assertEquals("error", error.path("status").asText(), error.toString());
    assertTrue(error.toString().contains("HUBSPOT_SALES_ACCESS_TOKEN"), error.toString());
  }

  @Test
  void theGitlabPipelineRunsItsStagesAsWritten(TestSchema schema) throws Exception {
    start(schema, true);
    GitlabPipeline pipeline = new GitlabPipeline(yaml(GITLAB));
    assertEquals(List.of("validate", "plan", "dev", "stage", "prod", "drift"), pipeline.stages());
    try (MergeRequestNotes notes = new MergeRequestNotes()) {
      Map<String, String> runner =
          project.runner(Map.of("GITLAB_CI", "true", "CI_JOB_URL", "https://gitlab.example/j/1"));
      Map<String, String> unprotected = new LinkedHashMap<>();
      unprotected.put("FLOWFORM_JAR_URL", JAR.toAbsolutePath().toUri().toString());
      unprotected.put("AEP_ORG_ID", ORG);
      unprotected.put("FLOWFORM_PG_READONLY_USER", "ro_" + schema.name());
      unprotected.put("FLOWFORM_PG_READONLY_PASSWORD", READER_PASSWORD);
      unprotected.put("FLOWFORM_BOT_TOKEN", "glpat-bot");
      Map<String, String> protectedToo = new LinkedHashMap<>(unprotected);
      protectedToo.putAll(secrets());
      protectedToo.put("FLOWFORM_PG_USER", admin().user());
      protectedToo.put("FLOWFORM_PG_PASSWORD", schema.password());
      Map<String, String> base =
          Map.of(
              "CI_DEFAULT_BRANCH", "main", "CI_PROJECT_ID", "7", "CI_API_V4_URL", notes.apiUrl());

      // a merge to main: validate, then dev, stage and prod (the manual jobs clicked, in order)
      Map<String, String> push =
          with(base, Map.of("CI_PIPELINE_SOURCE", "push", "CI_COMMIT_BRANCH", "main"));
      List<String> merged = pipeline.selected(push);
      assertEquals(List.of("validate", "apply-dev", "apply-stage", "apply-prod"), merged);
      assertEquals(List.of("apply-dev"), pipeline.job("apply-stage").get("needs"));
      assertEquals(List.of("apply-stage"), pipeline.job("apply-prod").get("needs"));
      for (String manual : List.of("apply-stage", "apply-prod")) {
        assertEquals("manual", pipeline.job(manual).get("when"));
        assertEquals(
            false,
            pipeline.job(manual).get("allow_failure"),
            manual + " blocks the stages after it");
      }
      for (String job : merged) {
        for (ShellRun run : pipeline.run(job, runner, push, protectedToo, project.checkout())) {
          assertEquals(0, run.exitCode(), job + "\n" + run.shown());
          assertNoSecretIn(run.out() + run.err());
        }
      }
      assertEquals(2, emulator.connections("dev").size());
      assertEquals(1, emulator.connections("prod").size());
      reader = "ro_" + schema.name();
      readOnlyRole();

      // a merge request: validate and the plan matrix, posting each plan as a note
      Map<String, String> request =
          with(
              base,
              Map.of("CI_PIPELINE_SOURCE", "merge_request_event", "CI_MERGE_REQUEST_IID", "5"));
      assertEquals(List.of("validate", "plan"), pipeline.selected(request));
      for (String job : pipeline.selected(request)) {
        for (ShellRun run : pipeline.run(job, runner, request, unprotected, project.checkout())) {
          assertEquals(0, run.exitCode(), job + "\n" + run.shown());
        }
      }
      assertEquals(3, notes.notes().size(), notes.notes().toString());
      for (String environment : CiProject.REAL) {
        String markdown = project.read("plan-" + environment + ".md");
        assertTrue(notes.notes().stream().anyMatch(n -> n.body().equals(markdown)), environment);
        assertTrue(
            Files.isRegularFile(project.checkout().resolve("plan-" + environment + ".json")));
      }
      assertTrue(
          notes.notes().stream()
              .allMatch(
                  n ->
                      n.token().equals("glpat-bot")
                          && n.path().equals("/api/v4/projects/7/merge_requests/5/notes")));

      // the nightly schedule: drift only, on the real environments; a deleted connection fails it
      Map<String, String> nightly =
          with(base, Map.of("CI_PIPELINE_SOURCE", "schedule", "CI_COMMIT_BRANCH", "main"));
      assertEquals(List.of("drift"), pipeline.selected(nightly));
      for (ShellRun run :
          pipeline.run("drift", runner, nightly, protectedToo, project.checkout())) {
        assertEquals(0, run.exitCode(), run.shown());
      }
      emulator.removeConnection(emulator.connections("stage").get(0).id());
      List<ShellRun> drift =
          pipeline.run("drift", runner, nightly, protectedToo, project.checkout());
      assertEquals(2, drift.size(), "dev passes, stage fails");
      assertEquals(2, drift.get(1).exitCode(), drift.get(1).shown());
    }
  }

  private static Map<String, String> with(Map<String, String> base, Map<String, String> more) {
    Map<String, String> all = new LinkedHashMap<>(base);
    all.putAll(more);
    return all;
  }

  @Test
  void theMigrationAndLocalRecipesRunAsWritten(TestSchema schema) throws Exception {
    start(schema, false);
    ShellRun install =
        ShellRun.run(
            sh(INSTALL).text(),
            project.checkout(),
            installed(Map.of("FLOWFORM_JAR_URL", JAR.toAbsolutePath().toUri().toString())));
    assertEquals(0, install.exitCode(), install.shown());

    ShellRun locally =
        ShellRun.run(sh(LOCALLY).text(), project.checkout(), installed(Map.of("AEP_ORG_ID", ORG)));
    assertEquals(0, locally.exitCode(), locally.shown());
    assertTrue(locally.out().contains("LOCAL"), locally.shown());
    assertTrue(project.read("plan.md").contains("marketing-hubspot"));

    // prod's state in a file first, then moved into the database as the page says
    Map<String, String> applyEnv = new LinkedHashMap<>(applyJobEnvFor());
    ShellRun first =
        ShellRun.run(
            "flowform apply --env prod --auto-approve\n", project.checkout(), installed(applyEnv));
    assertEquals(0, first.exitCode(), first.shown());
    String database = "postgresql://db.internal:5432/infra?";
    Block migrate = sh(MIGRATE);
    assertTrue(migrate.text().contains(database), migrate.text());
    String here =
        "postgresql://%s:%d/%s?schema=%s&"
            .formatted(admin().host(), admin().port(), admin().database(), schema.name());
    ShellRun moved =
        ShellRun.run(
            migrate.text().replace(database, here), project.checkout(), installed(applyEnv));
    assertEquals(0, moved.exitCode(), moved.shown());
    String prod = project.read("manifests/environments/prod.yaml");
    project.write(
        "manifests/environments/prod.yaml",
        prod.replaceFirst(
            "(?m)^(  endpoint: .*)$",
            "$1\n  state: \"" + CiProject.stateUrl(admin(), schema.name(), "prod") + "\""));
    ShellRun plan =
        ShellRun.run(
            "flowform plan --env prod --detailed-exitcode\n",
            project.checkout(),
            installed(applyEnv));
    assertEquals(0, plan.exitCode(), "its plan shows no changes\n" + plan.shown());
  }

  private Map<String, String> applyJobEnvFor() {
    Map<String, String> env = new LinkedHashMap<>(secrets());
    env.put("AEP_ORG_ID", ORG);
    env.put("PGUSER", admin().user());
    env.put("PGPASSWORD", schema.password());
    return env;
  }

  /** A new block on the page fails here until this test runs it, or says why it need not. */
  @Test
  void everyRecipeOnThePageIsOneThisTestRuns() throws IOException {
    List<String> unrun = new ArrayList<>();
    for (Block block : blocks()) {
      boolean run =
          switch (block.language()) {
            case "sh" ->
                List.of(INSTALL, MIGRATE, PROMOTE, WATCH, LOCALLY).stream()
                    .anyMatch(block.firstLine()::startsWith);
            case "yaml" ->
                List.of(VALIDATE, PLAN, APPLY, APPLY_ONE, DRIFT, GITLAB).contains(block.file())
                    // a fragment of an Environment manifest, not a recipe: its URL's shape is
                    // what CiProject writes
                    || block.firstLine().equals("spec:");
            // the read-only role's statements run; the read/write role is the suite's own
            case "sql" -> true;
            default -> false;
          };
      if (!run) {
        unrun.add(block.language() + " block at docs/ci.md:" + block.line());
      }
    }
    assertEquals(List.of(), unrun);
  }
}
