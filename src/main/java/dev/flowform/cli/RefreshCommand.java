package dev.flowform.cli;

import dev.flowform.manifest.Resolution;
import dev.flowform.run.Refresh;
import dev.flowform.run.Session;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code flowform refresh}: update state from what the platform has. */
@Command(
    name = "refresh",
    description = {
      "Update state from AEP: etags, and connections changed or deleted outside flowform.",
      "Reads every recorded connection; writes state only when something moved."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  flowform refresh --env dev"})
final class RefreshCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin EnvironmentOptions common;
  @Mixin VerboseOption verbose;
  @Mixin LockOptions lock;
  @Mixin ParallelismOption parallelism;

  RefreshCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    PrintWriter out = context.terminal().out();
    try (Session session =
        Session.open(
            common.settings(context, lock.timeout(), verbose.verbose(), common.env(context)),
            Resolution.LENIENT_SECRETS,
            "refresh")) {
      Refresh.Outcome outcome = Refresh.run(session, parallelism.value());
      if (outcome.writtenSerial().isEmpty()) {
        out.println("State is up to date with the platform.");
        return ExitCode.OK;
      }
      for (Refresh.Moved moved : outcome.moved()) {
        if (moved.deleted()) {
          out.printf(
              "%s: deleted outside flowform (id %s); removed from state%n",
              moved.address(), moved.id());
        } else {
          out.printf(
              "%s: changed on the platform (etag %s)%n", moved.address(), moved.etag().get());
        }
      }
      out.printf("State written (serial %d).%n", outcome.writtenSerial().get());
      return ExitCode.OK;
    }
  }
}
