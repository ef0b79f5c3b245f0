package dev.flowform.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowform.diag.Diagnostic;
import dev.flowform.diag.Diagnostics;
import dev.flowform.manifest.LoadReport;
import dev.flowform.manifest.ManifestLoader;
import dev.flowform.manifest.Resolution;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code flowform validate}: every problem in the manifests, at once. */
@Command(
    name = "validate",
    description = {
      "Parse, interpolate and check every manifest; report all problems at once.",
      "Without an environment, checks structure and rules only; with --env (or FLOWFORM_ENV),"
          + " also resolves that environment's references."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  flowform validate                   # structure and rules of every manifest",
      "  flowform validate --env prod        # also resolve prod's $${env:...} and $${file:...}",
      "  flowform validate --dir infra/manifests --env local",
      "  flowform validate --env prod --output json"
    })
final class ValidateCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin EnvironmentOptions common;

  @Spec CommandSpec spec;

  private OutputFormat output = OutputFormat.TEXT;

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description =
          "text or json (default: ${DEFAULT-VALUE}). With json, stdout holds one object"
              + " (schemas/validate-result.schema.json): valid, environment, counts, and every"
              + " diagnostic with its file, line and column.")
  void output(OutputFormat format) {
    if (format == OutputFormat.MARKDOWN) {
      throw new ParameterException(
          spec.commandLine(), "validate has no markdown output: use --output text or json");
    }
    output = format;
  }

  ValidateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Optional<String> env = common.env(context);
    Resolution resolution = env.isPresent() ? Resolution.STRICT : Resolution.STRUCTURE;
    LoadReport report =
        new ManifestLoader(
                context.workDir(),
                context.env(),
                common.fileRoots(context),
                context.scrubber()::add,
                dev.flowform.registry.Kinds.all().manifests())
            .report(common.dir(context), env, resolution);
    Diagnostics diagnostics = report.result().diagnostics();
    if (output == OutputFormat.JSON) {
      return json(report, diagnostics);
    }
    PrintWriter err = context.terminal().err();
    diagnostics.all().stream().map(Diagnostic::format).forEach(err::println);
    if (diagnostics.hasErrors()) {
      err.printf(
          "%d error(s), %d warning(s)%n", diagnostics.errorCount(), diagnostics.warningCount());
      err.flush();
      return ExitCode.ERROR;
    }
    err.flush();
    PrintWriter out = context.terminal().out();
    if (report.selected().isPresent()) {
      int count = report.result().desired().map(d -> d.connections().size()).orElse(0);
      int pipeline = report.result().desired().map(d -> d.resources().size()).orElse(0);
      out.printf(
          "manifests valid: %d %s%s for environment %s%n",
          count,
          plural(count, "connection"),
          pipeline == 0 ? "" : " and " + pipeline + " " + plural(pipeline, "pipeline resource"),
          report.selected().get());
    } else {
      out.printf(
          "manifests valid: %d %s, %s%d %s%n",
          report.connections(),
          plural(report.connections(), "connection"),
          report.pipeline() == 0
              ? ""
              : report.pipeline() + " " + plural(report.pipeline(), "pipeline resource") + ", ",
          report.environments(),
          plural(report.environments(), "environment"));
    }
    out.flush();
    return ExitCode.OK;
  }

  /** The result as one JSON object on stdout; exit 1 when there are errors, as in text. */
  private int json(LoadReport report, Diagnostics diagnostics) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode result = mapper.createObjectNode();
    result.put("valid", !diagnostics.hasErrors());
    if (report.selected().isPresent()) {
      result.put("environment", report.selected().get());
    } else {
      result.putNull("environment");
    }
    if (report.selected().isPresent()) {
      result.put(
          "connections", report.result().desired().map(d -> d.connections().size()).orElse(0));
      result.put(
          "pipelineResources", report.result().desired().map(d -> d.resources().size()).orElse(0));
    } else {
      result.put("connections", report.connections());
      result.put("pipelineResources", report.pipeline());
      result.put("environments", report.environments());
    }
    result.put("errorCount", diagnostics.errorCount());
    result.put("warningCount", diagnostics.warningCount());
    ArrayNode list = result.putArray("diagnostics");
    for (Diagnostic d : diagnostics.all()) {
      ObjectNode item = list.addObject();
      item.put("severity", d.isError() ? "error" : "warning");
      if (d.position() != null) {
        item.put("file", d.position().file());
        item.put("line", d.position().line());
        item.put("column", d.position().column());
      }
      item.put("message", d.message());
      if (d.hint() != null && !d.hint().isBlank()) {
        item.put("hint", d.hint());
      }
    }
    PrintWriter out = context.terminal().out();
    try {
      out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(result));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    out.flush();
    return diagnostics.hasErrors() ? ExitCode.ERROR : ExitCode.OK;
  }

  private static String plural(int count, String word) {
    return count == 1 ? word : word + "s";
  }
}
