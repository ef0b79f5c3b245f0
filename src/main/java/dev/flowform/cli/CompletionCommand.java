package dev.flowform.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code flowform completion}: a bash (and zsh) completion script, generated from the commands. */
@Command(
    name = "completion",
    description = {
      "Print a bash completion script for every command and option.",
      "zsh loads it too, after autoload -U +X bashcompinit && bashcompinit."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  source <(flowform completion)                     # this shell only",
      "  flowform completion > ~/.local/share/bash-completion/completions/flowform"
    })
final class CompletionCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec CommandSpec spec;

  CompletionCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    String script = AutoComplete.bash("flowform", spec.root().commandLine());
    context.terminal().out().print(script);
    context.terminal().out().flush();
    return ExitCode.OK;
  }
}
