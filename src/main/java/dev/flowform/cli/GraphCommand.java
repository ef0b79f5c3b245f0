package dev.flowform.cli;

import dev.flowform.cli.render.MermaidGraph;
import dev.flowform.run.Graphs;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code flowform graph}: the dependency graph of an environment's resources, as Mermaid. */
@Command(
    name = "graph",
    description = {
      "Print the dependency graph of an environment's resources as Mermaid (GitHub renders it).",
      "An arrow points from a resource to what it uses. Reads the manifests only."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  flowform graph --env local > graph.mmd"})
final class GraphCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin EnvironmentOptions common;

  GraphCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    String graph = new MermaidGraph().of(Graphs.desired(common.settings(context, Duration.ZERO)));
    context.terminal().out().print(graph);
    context.terminal().out().flush();
    return ExitCode.OK;
  }
}
