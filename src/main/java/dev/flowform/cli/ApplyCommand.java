package dev.flowform.cli;

import dev.flowform.apply.Settling;
import dev.flowform.diag.FlowformException;
import dev.flowform.manifest.Resolution;
import dev.flowform.plan.Plan;
import dev.flowform.plan.PlanOptions;
import dev.flowform.plan.SavedPlan;
import dev.flowform.plan.SavedPlanFile;
import dev.flowform.plan.StalePlanCheck;
import dev.flowform.run.Session;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flowform apply [FILE]}: plan, confirm, then create, update and delete. */
@Command(
    name = "apply",
    description = {
      "Plan, ask for confirmation, then make the changes.",
      "With FILE, apply exactly that saved plan, refusing it when stale."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  flowform apply --env local",
      "  flowform apply --env dev --auto-approve --parallelism 16",
      "  flowform apply --env prod prod.plan       # a plan saved with plan --out",
      "  flowform apply --env dev --prune          # also delete orphans",
      "  flowform apply --env prod --auto-approve --output json > apply-result.json"
    })
final class ApplyCommand implements Callable<Integer> {
  private final CliContext context;
  private final Interrupts interrupts;

  @Mixin CommonOptions common;
  @Mixin LockOptions lock;
  @Mixin PlanningOptions planning;

  @Option(names = "--auto-approve", description = "Apply without asking for confirmation.")
  boolean autoApprove;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress lines while changes run; the plan and the report still print.")
  boolean quiet;

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description =
          "text or json (default: ${DEFAULT-VALUE}). With json, stdout holds only the result"
              + " (schemas/apply-result.schema.json); the plan and progress go to stderr.")
  OutputFormat output;

  @Option(
      names = "--settling-window",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      defaultValue = "4s",
      description =
          "When a create's answer is lost, look its name up for this long (several lookups) before"
              + " sending it again, like 4s or 1500ms (default: ${DEFAULT-VALUE}).")
  Duration settlingWindow;

  @Parameters(
      arity = "0..1",
      paramLabel = "FILE",
      description = "A plan saved with plan --out: applied exactly, or refused when stale.")
  Path planFile;

  ApplyCommand(CliContext context, Interrupts interrupts) {
    this.context = context;
    this.interrupts = interrupts;
  }

  @Override
  public Integer call() {
    if (output == OutputFormat.MARKDOWN) {
      throw new FlowformException(
          "apply has no markdown output", "use --output text or json; plan --output markdown");
    }
    ApplyDisplay display =
        new ApplyDisplay(
            common.color(context) && output == OutputFormat.TEXT,
            quiet,
            output == OutputFormat.JSON);
    ApplyFlow flow =
        new ApplyFlow(
            context,
            interrupts,
            display,
            planning.parallelism(),
            Settling.standard(settlingWindow));
    return flow.run(
        common.settings(context, lock.timeout()),
        Resolution.STRICT,
        "apply",
        planFile == null ? this::planNow : this::savedPlan,
        autoApprove || planFile != null);
  }

  private Plan planNow(Session session) {
    return session.plan(planning.planOptions(false), planning.refresh(), planning.parallelism());
  }

  /** The saved plan, exactly, once it is shown not to be stale against a fresh offline plan. */
  private Plan savedPlan(Session session) {
    SavedPlan saved = new SavedPlanFile().read(context.workDir().resolve(planFile));
    Plan fresh = session.plan(new PlanOptions(true, false, false, false), Optional.of(false), 1);
    StalePlanCheck.check(saved, session.state().recorded(), fresh);
    return saved.toPlan();
  }
}
