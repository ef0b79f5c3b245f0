package dev.flowform.cli;

import dev.flowform.manifest.Resolution;
import dev.flowform.plan.Plan;
import dev.flowform.plan.SavedPlan;
import dev.flowform.plan.SavedPlanFile;
import dev.flowform.run.RunSettings;
import dev.flowform.run.SavedPlans;
import dev.flowform.run.Session;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowform plan}: what apply would do, from the manifests and the state. */
@Command(
    name = "plan",
    description = "Show what apply would change, from the manifests and the state.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  flowform plan --env dev",
      "  flowform plan --env prod --refresh=false --output markdown > plan.md",
      "  flowform plan --env prod --out prod.plan && flowform apply --env prod prod.plan",
      "  flowform plan --env dev --detailed-exitcode   # 0 no changes, 2 changes, 1 error",
      "  flowform plan --env prod --target marketing-hubspot",
      "  flowform plan --env dev --replace marketing-hubspot"
    })
final class PlanCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin CommonOptions common;
  @Mixin LockOptions lock;
  @Mixin PlanningOptions planning;
  @Mixin ParallelismOption parallelism;

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text, json or markdown (default: ${DEFAULT-VALUE}).")
  OutputFormat output;

  @Option(names = "--out", paramLabel = "FILE", description = "Save the plan for apply FILE.")
  Path out;

  @Option(
      names = "--detailed-exitcode",
      description =
          "Exit 0 when there are no changes, 2 when there are (an orphan counts, pruned or not, as"
              + " in status), 1 on error.")
  boolean detailedExitCode;

  @Option(
      names = "--lock",
      arity = "0..1",
      paramLabel = "BOOL",
      fallbackValue = "true",
      defaultValue = "true",
      description =
          "Hold the state lock while planning (default: ${DEFAULT-VALUE}). --lock=false reads the"
              + " state without it, as a read-only database role can: the plan may be stale, and"
              + " apply FILE refuses it if the state moved.")
  boolean locking;

  @Option(names = "--destroy", description = "Plan the deletion of every managed connection.")
  boolean destroy;

  PlanCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    RunSettings settings = common.settings(context, lock.timeout());
    try (Session session =
        locking
            ? Session.open(settings, Resolution.LENIENT_SECRETS, "plan")
            : Session.openReadOnly(settings, Resolution.LENIENT_SECRETS)) {
      Plan plan =
          session.plan(planning.planOptions(destroy), planning.refresh(), parallelism.value());
      context.terminal().out().print(output.renderer(common.color(context)).render(plan));
      context.terminal().out().flush();
      if (out != null) {
        save(SavedPlans.toSave(session, plan));
      }
      return detailedExitCode && !plan.inSync() ? ExitCode.CHANGES : ExitCode.OK;
    }
  }

  private void save(SavedPlan plan) {
    Path file = context.workDir().resolve(out);
    new SavedPlanFile(context.scrubber()).write(file, plan);
    context.terminal().err().println("Saved the plan to " + context.display(file) + ".");
    context
        .terminal()
        .err()
        .println(
            "To apply exactly this plan: flowform apply --env " + plan.environment() + " " + out);
  }
}
