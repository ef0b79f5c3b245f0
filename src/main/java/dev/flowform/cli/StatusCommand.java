package dev.flowform.cli;

import dev.flowform.cli.render.StatusJsonRenderer;
import dev.flowform.cli.render.StatusMarkdownRenderer;
import dev.flowform.cli.render.StatusTextRenderer;
import dev.flowform.run.StatusReader;
import dev.flowform.status.StatusMatrix;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowform status}: each connection by each environment, offline, without secrets. */
@Command(
    name = "status",
    description = {
      "Show each connection in each environment, offline.",
      "Each cell says: in sync, to create, changed, orphaned, pending, not compared or not"
          + " targeted. Reads the manifests and every environment's state file; needs no"
          + " credentials, no secret and no network."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  flowform status --environments dev,stage,prod",
      "  flowform status --output markdown >> \"$GITHUB_STEP_SUMMARY\"",
      "  flowform status --output json --detailed-exitcode   # 2 when something is not in sync"
    })
final class StatusCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin DirOption common;
  @Mixin FileRootOption fileRoots;

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text, json or markdown (default: ${DEFAULT-VALUE}).")
  OutputFormat output;

  @Option(
      names = "--detailed-exitcode",
      description = "Exit 0 when everything targeted is in sync, 2 when not, 1 on error.")
  boolean detailedExitCode;

  @Option(
      names = "--environments",
      paramLabel = "NAMES",
      split = ",",
      description = "The environments to show, in this order (default: all, in file order).")
  List<String> environments = List.of();

  StatusCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    StatusReader reader =
        new StatusReader(
            Settings.of(
                context,
                common.dir(context),
                fileRoots.fileRoots(context),
                Optional.empty(),
                false,
                Duration.ZERO));
    StatusMatrix matrix = StatusMatrix.of(reader.plans(environments));
    String text =
        switch (output) {
          case TEXT -> new StatusTextRenderer().render(matrix);
          case JSON -> new StatusJsonRenderer().render(matrix);
          case MARKDOWN -> new StatusMarkdownRenderer().render(matrix);
        };
    context.terminal().out().print(text);
    context.terminal().out().flush();
    return detailedExitCode && !matrix.allInSync() ? ExitCode.CHANGES : ExitCode.OK;
  }
}
