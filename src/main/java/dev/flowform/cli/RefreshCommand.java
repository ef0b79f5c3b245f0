package dev.flowform.cli;

import dev.flowform.manifest.Resolution;
import dev.flowform.refresh.RefreshResult;
import dev.flowform.run.Session;
import dev.flowform.state.ResourceState;
import dev.flowform.state.State;
import java.io.PrintWriter;
import java.util.Objects;
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

  @Mixin CommonOptions common;
  @Mixin LockOptions lock;
  @Mixin PlanningOptions planning;

  RefreshCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    PrintWriter out = context.terminal().out();
    try (Session session =
        Session.open(
            common.settings(context, lock.timeout()), Resolution.LENIENT_SECRETS, "refresh")) {
      State before = session.state().recordedOrEmpty();
      RefreshResult result = session.refresh(planning.parallelism());
      if (session.state().recorded().isEmpty() || !result.stateChanged(before)) {
        out.println("State is up to date with the platform.");
        return ExitCode.OK;
      }
      report(before, result.state(), out);
      session.state().store().write(result.state());
      out.printf("State written (serial %d).%n", result.state().serial());
      return ExitCode.OK;
    }
  }

  private static void report(State before, State after, PrintWriter out) {
    before
        .resources()
        .forEach(
            (address, was) -> {
              ResourceState now = after.resources().get(address);
              if (now == null) {
                out.printf(
                    "%s: deleted outside flowform (id %s); removed from state%n",
                    address, was.id());
              } else if (!Objects.equals(was.etag(), now.etag())
                  || !Objects.equals(was.name(), now.name())
                  || !Objects.equals(was.description(), now.description())) {
                out.printf("%s: changed on the platform (etag %s)%n", address, now.etag());
              }
            });
  }
}
