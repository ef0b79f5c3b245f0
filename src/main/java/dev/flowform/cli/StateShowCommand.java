package dev.flowform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowform.diag.FlowformException;
import dev.flowform.run.StateReads;
import dev.flowform.state.State;
import dev.flowform.state.StateFormat;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flowform state show [ADDRESS]}: what state records of one connection, or the whole state
 * when no address is given.
 */
@Command(
    name = "show",
    description = {
      "Show what state records of one connection (secrets only as fingerprints).",
      "Without ADDRESS, show the whole state: every connection it records.",
      "--serial N shows it as an earlier version of the state kept it (PostgreSQL state)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  flowform state show --env dev marketing-hubspot",
      "  flowform state show --env prod --serial 41 marketing-hubspot",
      "  flowform state show --env prod --serial 41"
    })
final class StateShowCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin EnvironmentOptions common;

  @Parameters(
      paramLabel = "ADDRESS",
      arity = "0..1",
      description = "The connection's metadata.name; without it, the whole state.")
  String address;

  @Option(
      names = "--serial",
      paramLabel = "N",
      description = "Read the version of the state kept at this serial (see state history).")
  Long serial;

  StateShowCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    StateReads.Read read =
        StateReads.read(common.settings(context, Duration.ZERO), Optional.ofNullable(serial));
    String at = serial == null ? "" : " at serial " + serial;
    ObjectMapper json = new ObjectMapper();
    if (address == null) {
      State whole =
          read.state()
              .orElseThrow(
                  () ->
                      new FlowformException(
                          "no state " + read.shownAs() + at,
                          "flowform state history --env "
                              + read.environment()
                              + " lists the serials kept"));
      JsonNode recorded = json.readTree(new StateFormat().encode(whole));
      context
          .terminal()
          .out()
          .println(json.writerWithDefaultPrettyPrinter().writeValueAsString(recorded));
      return ExitCode.OK;
    }
    State state =
        read.state()
            .filter(st -> st.resource(address).isPresent())
            .orElseThrow(
                () ->
                    new FlowformException(
                        "no '" + address + "' in state " + read.shownAs() + at,
                        "flowform state list --env "
                            + read.environment()
                            + " shows what state holds"));
    JsonNode recorded =
        json.readTree(new StateFormat().encode(state)).get("resources").get(address);
    context
        .terminal()
        .out()
        .println(json.writerWithDefaultPrettyPrinter().writeValueAsString(recorded));
    return ExitCode.OK;
  }
}
