package dev.flowform.cli;

import dev.flowform.cli.render.OutputsRenderer;
import dev.flowform.diag.FlowformException;
import dev.flowform.run.StateReads;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowform state list}: one line per managed connection, or JSON for scripts. */
@Command(
    name = "list",
    description = "List the connections in the environment's state: address, status, id, name.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  flowform state list --env dev",
      "  flowform state list --env prod --output json | jq -r '.connections[].id'"
    })
final class StateListCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin EnvironmentOptions common;

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description =
          "text or json (default: ${DEFAULT-VALUE}); json: schemas/output.schema.json, each"
              + " address with its id, etag, name and sandbox.")
  OutputFormat output;

  StateListCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (output == OutputFormat.MARKDOWN) {
      throw new FlowformException("state list has no markdown output", "use --output text or json");
    }
    StateReads.Read read = StateReads.read(common.settings(context, Duration.ZERO));
    OutputsRenderer renderer = new OutputsRenderer();
    if (output == OutputFormat.JSON) {
      context.terminal().out().print(renderer.json(read.environment(), read.state()));
      context.terminal().out().flush();
      return ExitCode.OK;
    }
    if (read.state().isEmpty()) {
      context.terminal().err().println("No state yet at " + read.shownAs() + ".");
      return ExitCode.OK;
    }
    context.terminal().out().print(renderer.text(read.state().get()));
    context.terminal().out().flush();
    return ExitCode.OK;
  }
}
