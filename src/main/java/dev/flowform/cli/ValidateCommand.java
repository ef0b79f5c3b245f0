package dev.flowform.cli;

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
      "  flowform validate --dir infra/manifests --env local"
    })
final class ValidateCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin EnvironmentOptions common;

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

  private static String plural(int count, String word) {
    return count == 1 ? word : word + "s";
  }
}
