package dev.flowform.cli;

import dev.flowform.manifest.Resolution;
import dev.flowform.plan.PlanOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code flowform destroy}: delete every connection this state manages. */
@Command(
    name = "destroy",
    description = "Delete every connection the environment's state manages (asks first).",
    footerHeading = "%nExamples:%n",
    footer = {
      "  flowform destroy --env local",
      "  flowform destroy --env dev --auto-approve",
      "  flowform destroy --env dev --target legacy-hubspot",
      "  flowform destroy --env dev --auto-approve --output json > destroy-result.json"
    })
final class DestroyCommand implements Callable<Integer> {
  private final CliContext context;
  private final Interrupts interrupts;

  @Mixin CommonOptions common;
  @Mixin LockOptions lock;

  @Option(names = "--auto-approve", description = "Destroy without asking for confirmation.")
  boolean autoApprove;

  @Option(
      names = "--target",
      paramLabel = "ADDRESS",
      description = "Destroy only this connection (repeatable).")
  List<String> targets = new ArrayList<>();

  @Mixin ParallelismOption parallelism;

  @Spec CommandSpec spec;

  private OutputFormat output = OutputFormat.TEXT;

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
          spec.commandLine(), "destroy has no markdown output: use --output text or json");
    }
    output = format;
  }

  DestroyCommand(CliContext context, Interrupts interrupts) {
    this.context = context;
    this.interrupts = interrupts;
  }

  @Override
  public Integer call() {
    ApplyFlow flow =
        new ApplyFlow(
            context,
            interrupts,
            new ApplyDisplay(
                common.color(context) && output == OutputFormat.TEXT,
                false,
                output == OutputFormat.JSON),
            parallelism.value());
    return flow.run(
        common.settings(context, lock.timeout()),
        Resolution.LENIENT_SECRETS,
        "destroy",
        session ->
            session.plan(
                PlanOptions.DESTROY.targeting(targets, List.of()),
                java.util.Optional.empty(),
                parallelism.value()),
        autoApprove);
  }
}
