package dev.flowform.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.flowform.diag.FlowformException;
import dev.flowform.manifest.EnvironmentConfig;
import dev.flowform.manifest.Resolution;
import dev.flowform.run.Session;
import dev.flowform.state.FileStateStore;
import dev.flowform.state.ResourceState;
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
        Session.load(common.settings(context, java.time.Duration.ZERO), Resolution.LENIENT_SECRETS)
            .environment();
    ResourceState resource =
        new FileStateStore(environment.statePath())
            .read()
            .flatMap(state -> state.resource(address))
            .orElseThrow(
                () ->
                    new FlowformException(
                        "no '" + address + "' in state " + context.display(environment.statePath()),
                        "flowform state list shows what state holds"));
    ObjectMapper json =
        new ObjectMapper()
            .findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);
    context.terminal().out().println(json.writeValueAsString(resource));
    return ExitCode.OK;
  }
}
