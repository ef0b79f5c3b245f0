package dev.flowform.cli;

import dev.flowform.apply.Settling;
import dev.flowform.manifest.Resolution;
import dev.flowform.plan.Plan;
import dev.flowform.plan.SavedPlan;
import dev.flowform.run.SavedPlans;
import dev.flowform.run.Session;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flowform apply [FILE]}: plan, confirm, then create, update and delete. */
@Command(
    name = "apply",
    description = {
      "Plan, ask for confirmation, then make the changes.",
      "With FILE, apply exactly that saved plan, in the environment it names, refusing it when"
          + " stale or altered."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  flowform apply --env local",
      "  flowform apply --env dev --auto-approve --parallelism 16",
      "  flowform apply prod.plan                  # a plan saved with plan --out",
      "  flowform apply --env dev --prune          # also delete orphans",
      "  flowform apply --env prod --auto-approve --output json > apply-result.json"
    })
final class ApplyCommand implements Callable<Integer> {
  private final CliContext context;
  private final Interrupts interrupts;

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin LockOptions lock;
  @Mixin PlanningOptions planning;
  @Mixin ParallelismOption parallelism;

  @Option(names = "--auto-approve", description = "Apply without asking for confirmation.")
  boolean autoApprove;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress lines while changes run; the plan and the report still print.")
  boolean quiet;

  private OutputFormat output = OutputFormat.TEXT;

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
      description =
          "A plan saved with plan --out: applied exactly, or refused when stale or altered."
              + " It names its environment; --env may be left out.")
  Path planFile;

  ApplyCommand(CliContext context, Interrupts interrupts) {
    this.context = context;
    this.interrupts = interrupts;
  }

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description =
          "text or json (default: ${DEFAULT-VALUE}). With json, stdout holds only the result"
              + " (schemas/apply-result.schema.json); the plan and progress go to stderr.")
  void output(OutputFormat format) {
    if (format == OutputFormat.MARKDOWN) {
      throw new ParameterException(
          spec.commandLine(),
          "apply has no markdown output: use --output text or json (plan --output markdown"
              + " renders a plan for a pull request)");
    }
    output = format;
  }

  @Override
  public Integer call() {
    ApplyDisplay display =
        new ApplyDisplay(
            common.color(context) && output == OutputFormat.TEXT,
            quiet,
            output == OutputFormat.JSON);
    ApplyFlow flow =
        new ApplyFlow(
            context, interrupts, display, parallelism.value(), Settling.standard(settlingWindow));
    if (planFile == null) {
      return flow.run(
          common.settings(context, lock.timeout()),
          Resolution.STRICT,
          "apply",
          this::planNow,
          autoApprove);
    }
    if (!planning.given().isEmpty()) {
      throw new ParameterException(
          spec.commandLine(),
          String.join(", ", planning.given())
              + ": a saved plan is applied as it was made; give planning options to plan --out");
    }
    SavedPlan saved =
        SavedPlans.read(
            common.settings(context, lock.timeout()), context.workDir().resolve(planFile));
    Optional<String> environment = common.env(context).or(() -> Optional.of(saved.environment()));
    Function<Session, Plan> verified = session -> SavedPlans.verified(session, saved);
    return flow.run(
        common.settings(context, lock.timeout(), environment),
        Resolution.STRICT,
        "apply",
        verified,
        true);
  }

  private Plan planNow(Session session) {
    return session.plan(planning.planOptions(false), planning.refresh(), parallelism.value());
  }
}
