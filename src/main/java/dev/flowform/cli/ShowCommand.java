package dev.flowform.cli;

import dev.flowform.plan.Plan;
import dev.flowform.run.SavedPlans;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flowform show FILE}: a plan saved with {@code plan --out}, rendered again. */
@Command(
    name = "show",
    description = {
      "Show a plan saved with plan --out FILE, as text, JSON or Markdown.",
      "Reads only the file: no credentials, no state, no platform call."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  flowform show prod.plan",
      "  flowform show prod.plan --output json",
      "  flowform show prod.plan --output markdown > plan.md"
    })
final class ShowCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin ColorOption colors;

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description =
          "text, json (schemas/plan.schema.json) or markdown (default: ${DEFAULT-VALUE}), as plan"
              + " prints them.")
  OutputFormat output;

  @Parameters(paramLabel = "FILE", description = "A plan saved with plan --out.")
  Path planFile;

  ShowCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Plan plan = SavedPlans.read(context.workDir().resolve(planFile)).toPlan();
    context.terminal().out().print(output.renderer(colors.color(context)).render(plan));
    context.terminal().out().flush();
    return ExitCode.OK;
  }
}
