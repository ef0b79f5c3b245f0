package dev.flowform.cli;

import dev.flowform.cli.render.StatusJsonRenderer;
import dev.flowform.cli.render.StatusMarkdownRenderer;
import dev.flowform.cli.render.StatusTextRenderer;
import dev.flowform.plan.Plan;
import dev.flowform.run.RunSettings;
import dev.flowform.run.StatusReader;
import dev.flowform.run.StatusRefresh;
import dev.flowform.status.EnvironmentColumn;
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
      "Each cell says: in sync, to create, changed, orphaned, pending, moved, to import, not"
          + " compared or not targeted. Reads the manifests and every environment's state file;"
          + " needs no AEP credentials, no secret and no network to AEP (a state kept in PostgreSQL"
          + " needs its database). With --refresh it also reads the platform of each environment"
          + " shown and shows drift."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  flowform status --environments dev,stage,prod",
      "  flowform status --output markdown >> \"$GITHUB_STEP_SUMMARY\"",
      "  flowform status --output json --detailed-exitcode   # 2 when something is not in sync",
      "  flowform status --refresh --detailed-exitcode       # drift counts too"
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
      description =
          "Exit 0 when everything targeted is in sync (and, with --refresh, without drift), 2 when"
              + " not (an orphan counts, as in plan), 1 on error.")
  boolean detailedExitCode;

  @Option(
      names = {"--environments", "--env"},
      paramLabel = "NAMES",
      split = ",",
      description =
          "The environments to show, in this order, comma-separated (default: all, in file"
              + " order).")
  List<String> environments = List.of();

  @Option(
      names = "--refresh",
      description =
          "Also read the platform for each environment shown, and show drift (changed remotely,"
              + " deleted remotely) beside the offline columns. An environment it cannot read"
              + " (credentials that do not resolve here, an unreachable platform) is marked so"
              + " and the command exits 1 once the matrix is shown: limit it with --environments.")
  boolean refresh;

  @Mixin ParallelismOption parallelism;

  StatusCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    RunSettings settings =
        Settings.of(
            context,
            common.dir(context),
            fileRoots.fileRoots(context),
            Optional.empty(),
            false,
            Duration.ZERO);
    StatusReader reader = new StatusReader(settings);
    List<Plan> plans = reader.plans(environments);
    StatusMatrix matrix = StatusMatrix.of(plans);
    if (refresh) {
      List<String> names =
          plans.stream()
              .map(Plan::environment)
              .filter(name -> !reader.unreadable().containsKey(name))
              .toList();
      matrix = matrix.withDrift(new StatusRefresh(settings).read(names, parallelism.value()));
    }
    matrix = matrix.withUnreadable(reader.unreadable());
    String text =
        switch (output) {
          case TEXT -> new StatusTextRenderer().render(matrix);
          case JSON -> new StatusJsonRenderer().render(matrix);
          case MARKDOWN -> new StatusMarkdownRenderer().render(matrix);
        };
    context.terminal().out().print(text);
    context.terminal().out().flush();
    List<String> unread = new java.util.ArrayList<>();
    reader
        .unreadable()
        .forEach(
            (name, why) ->
                unread.add(
                    "error: status could not read the state of environment \""
                        + name
                        + "\": "
                        + why));
    matrix.environments().stream()
        .filter(EnvironmentColumn::notRefreshed)
        .map(
            c ->
                "error: status --refresh could not read environment \""
                    + c.name()
                    + "\" ("
                    + c.refresh()
                    + (c.refreshProblem() == null ? "" : ": " + c.refreshProblem())
                    + ")")
        .forEach(unread::add);
    if (!unread.isEmpty()) {
      unread.forEach(context.terminal().err()::println);
      context
          .terminal()
          .err()
          .println(
              "hint: give status what every environment it shows needs (its state's database; with"
                  + " --refresh, its AEP credentials), or limit it with --environments");
      context.terminal().err().flush();
      return ExitCode.ERROR;
    }
    return detailedExitCode && !matrix.allInSync() ? ExitCode.CHANGES : ExitCode.OK;
  }
}
