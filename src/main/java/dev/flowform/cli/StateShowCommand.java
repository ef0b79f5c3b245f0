package dev.flowform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowform.diag.FlowformException;
import dev.flowform.manifest.EnvironmentConfig;
import dev.flowform.run.Session;
import dev.flowform.state.FileStateStore;
import dev.flowform.state.State;
import dev.flowform.state.StateFormat;
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

  @Mixin CommonOptions common;

  @Parameters(paramLabel = "ADDRESS", description = "The connection's metadata.name.")
  String address;

  StateShowCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    EnvironmentConfig environment =
        Session.environment(common.settings(context, java.time.Duration.ZERO));
    State state =
        new FileStateStore(environment.statePath())
            .read()
            .filter(st -> st.resource(address).isPresent())
            .orElseThrow(
                () ->
                    new FlowformException(
                        "no '" + address + "' in state " + context.display(environment.statePath()),
                        "flowform state list shows what state holds"));
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
