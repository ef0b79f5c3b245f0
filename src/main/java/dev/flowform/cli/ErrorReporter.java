package dev.flowform.cli;

import dev.flowform.diag.Diagnostic;
import dev.flowform.diag.DiagnosticsException;
import dev.flowform.diag.FlowformException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Maps whatever a command throws to a message on stderr and an exit code, in one place. */
final class ErrorReporter implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    if (e instanceof DiagnosticsException d) {
      d.diagnostics().all().stream().map(Diagnostic::format).forEach(err::println);
      err.printf("%d error(s)%n", d.diagnostics().errorCount());
    } else if (e instanceof FlowformException f) {
      err.println("error: " + f.getMessage());
      if (f.hint() != null) {
        err.println("hint: " + f.hint());
      }
    } else {
      err.println("error: unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
      if (parsed.hasMatchedOption("--verbose")) {
        e.printStackTrace(err);
      }
    }
    err.flush();
    return ExitCode.ERROR;
  }
}
