package dev.flowform.cli;

import dev.flowform.apply.ApplyResult;
import dev.flowform.apply.ChangeOutcome;
import dev.flowform.apply.Outcome;
import java.io.PrintWriter;
import java.util.Map;

/** The closing lines of an apply: counts, and each failure with what to do about it. */
final class ApplyReport {
  private final PrintWriter out;
  private final PrintWriter err;

  ApplyReport(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  void print(ApplyResult result) {
    Map<Outcome, Long> counts = result.counts();
    String summary =
        String.format(
            "%d created, %d adopted, %d updated, %d replaced, %d deleted",
            counts.get(Outcome.CREATED),
            counts.get(Outcome.ADOPTED),
            counts.get(Outcome.UPDATED),
            counts.get(Outcome.REPLACED),
            counts.get(Outcome.DELETED));
    if (counts.get(Outcome.IMPORTED) > 0) {
      summary += ", " + counts.get(Outcome.IMPORTED) + " imported";
    }
    if (counts.get(Outcome.MOVED) > 0) {
      summary += ", " + counts.get(Outcome.MOVED) + " moved";
    }
    if (result.cancelled()) {
      out.printf(
          "%nApply interrupted: %s; %d not started. State is saved.%n",
          summary, counts.get(Outcome.NOT_STARTED));
    } else if (result.succeeded()) {
      out.printf("%nApply complete! Connections: %s.%n", summary);
    } else {
      out.printf(
          "%nApply finished with errors. Connections: %s, %d failed.%n",
          summary, counts.get(Outcome.FAILED));
    }
    out.flush();
    for (ChangeOutcome failure : result.failures()) {
      err.printf("error: %s: %s%n", failure.address(), failure.message());
      if (failure.hint() != null) {
        err.printf("hint: %s%n", failure.hint());
      }
    }
    err.flush();
  }
}
