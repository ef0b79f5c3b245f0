package dev.flowform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowform.diag.FlowformException;
import dev.flowform.run.StateReads;
import dev.flowform.state.State;
import dev.flowform.state.StateFormat;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code flowform state show ADDRESS}: what state records of one connection. */
@Command(
    name = "show",
    description = "Show what state records of one connection (secrets only as fingerprints).",
    footerHeading = "%nExamples:%n",
    footer = {"  flowform state show --env dev marketing-hubspot"})
final class StateShowCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin EnvironmentOptions common;

  @Parameters(paramLabel = "ADDRESS", description = "The connection's metadata.name.")
  String address;

  StateShowCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    StateReads.Read read = StateReads.read(common.settings(context, Duration.ZERO));
    State state =
        read.state()
            .filter(st -> st.resource(address).isPresent())
            .orElseThrow(
                () ->
                    new FlowformException(
                        "no '" + address + "' in state " + read.shownAs(),
                        "flowform state list --env "
                            + read.environment()
                            + " shows what state holds"));
    ObjectMapper json = new ObjectMapper();
    JsonNode recorded =
        json.readTree(new StateFormat().encode(state)).get("resources").get(address);
    context
        .terminal()
        .out()
        .println(json.writerWithDefaultPrettyPrinter().writeValueAsString(recorded));
    return ExitCode.OK;
  }
}
