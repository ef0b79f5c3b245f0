package dev.flowform.cli;

import dev.flowform.cli.render.OutputsRenderer;
import dev.flowform.diag.FlowformException;
import dev.flowform.run.StateReads;
import dev.flowform.state.State;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flowform output [ADDRESS]}: the ids state records, for scripts. */
@Command(
    name = "output",
    description = {
      "Print what state records, for scripts.",
      "With ADDRESS, that connection's id alone (text) or its id, etag, name and sandbox (json);"
          + " without, every address. Reads state only."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  CONNECTION_ID=$(flowform output --env prod marketing-hubspot)",
      "  flowform output --env prod --output json > connections.json"
    })
final class OutputCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin EnvironmentOptions common;

  @Parameters(
      arity = "0..1",
      paramLabel = "ADDRESS",
      description = "A connection's metadata.name; absent: every address.")
  String address;

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}); json: schemas/output.schema.json.")
  OutputFormat output;

  OutputCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (output == OutputFormat.MARKDOWN) {
      throw new FlowformException("output has no markdown output", "use --output text or json");
    }
    StateReads.Read read = StateReads.read(common.settings(context, Duration.ZERO));
    OutputsRenderer renderer = new OutputsRenderer();
    if (address == null) {
      String text =
          output == OutputFormat.JSON
              ? renderer.json(read.environment(), read.state())
              : read.state().map(renderer::text).orElse("");
      context.terminal().out().print(text);
      context.terminal().out().flush();
      return ExitCode.OK;
    }
    State state =
        read.state()
            .filter(s -> s.resource(address).isPresent())
            .orElseThrow(
                () ->
                    new FlowformException(
                        "no '" + address + "' in state " + read.shownAs(),
                        "flowform state list --env "
                            + read.environment()
                            + " shows what state holds"));
    String id = state.resource(address).orElseThrow().id();
    if (output == OutputFormat.TEXT && id == null) {
      throw new FlowformException(
          "'" + address + "' has no connection id yet: its create was interrupted",
          "run flowform apply --env " + read.environment() + " to resolve it");
    }
    context
        .terminal()
        .out()
        .print(output == OutputFormat.JSON ? renderer.json(state, address) : id + "\n");
    context.terminal().out().flush();
    return ExitCode.OK;
  }
}
