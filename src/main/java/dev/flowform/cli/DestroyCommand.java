package dev.flowform.cli;

import dev.flowform.manifest.Resolution;
import dev.flowform.plan.PlanOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowform destroy}: delete every connection this state manages. */
@Command(
    name = "destroy",
    description = "Delete every connection the environment's state manages (asks first).",
    footerHeading = "%nExamples:%n",
    footer = {"  flowform destroy --env local", "  flowform destroy --env dev --auto-approve"})
final class DestroyCommand implements Callable<Integer> {
  private final CliContext context;
  private final Interrupts interrupts;

  @Mixin CommonOptions common;
  @Mixin LockOptions lock;

  @Option(names = "--auto-approve", description = "Destroy without asking for confirmation.")
  boolean autoApprove;

  @Mixin ParallelismOption parallelism;

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
            new ApplyDisplay(common.color(context), false, false),
            parallelism.value());
    return flow.run(
        common.settings(context, lock.timeout()),
        Resolution.LENIENT_SECRETS,
        "destroy",
        session ->
            session.plan(PlanOptions.DESTROY, java.util.Optional.empty(), parallelism.value()),
        autoApprove);
  }
}
