package dev.flowform.cli;

import dev.flowform.catalog.CatalogFiles;
import dev.flowform.catalog.ConnectorSpec;
import dev.flowform.catalog.SpecSheet;
import dev.flowform.diag.Diagnostics;
import dev.flowform.diag.DiagnosticsException;
import dev.flowform.diag.FlowformException;
import dev.flowform.manifest.validate.Suggestions;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code flowform specs show CONNECTOR}: a connector's auth specs and params, secrets marked. */
@Command(
    name = "show",
    description = {
      "Print a connector's auth specs and params, secrets marked, and its source params,",
      "from the catalog (offline): what a Connection manifest of it needs."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  flowform specs show salesforce", "  flowform specs show hubspot"})
final class SpecsShowCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin DirOption dir;

  @Parameters(paramLabel = "CONNECTOR", description = "The connector's spec name (salesforce).")
  String connector;

  SpecsShowCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    CatalogFiles.Read read = CatalogFiles.read(CatalogFiles.of(dir.dir(context)), context::display);
    if (!read.problems().isEmpty()) {
      throw new DiagnosticsException(new Diagnostics(read.problems()));
    }
    Optional<ConnectorSpec> found = read.catalog().connector(connector);
    if (found.isEmpty()) {
      throw new FlowformException(
          "connector '" + connector + "' is not in the spec catalog",
          Suggestions.didYouMean(connector, read.catalog().connectorNames())
              .orElse(
                  "run flowform specs pull --env ENV to bring the platform's specs into specs/"));
    }
    PrintWriter out = context.terminal().out();
    SpecSheet.lines(found.get()).forEach(out::println);
    out.flush();
    return ExitCode.OK;
  }
}
