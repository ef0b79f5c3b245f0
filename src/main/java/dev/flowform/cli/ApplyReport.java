package dev.flowform.cli;

import dev.flowform.apply.ApplyResult;
import dev.flowform.apply.ChangeOutcome;
import dev.flowform.apply.Outcome;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
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
      out.printf("%nApply complete! Resources: %s.%n", summary);
    } else {
      long notStarted = counts.get(Outcome.NOT_STARTED);
      out.printf(
          "%nApply finished with errors. Resources: %s, %d failed%s.%n",
          summary,
          counts.get(Outcome.FAILED),
          notStarted == 0 ? "" : ", " + notStarted + " not started");
    }
    out.flush();
    Map<List<String>, List<String>> byKind = new LinkedHashMap<>();
    for (ChangeOutcome failure : result.failures()) {
      byKind
          .computeIfAbsent(Arrays.asList(failure.message(), failure.hint()), k -> new ArrayList<>())
          .add(failure.address());
    }
    byKind.forEach(
        (kind, addresses) -> {
          if (addresses.size() == 1) {
            err.printf("error: %s: %s%n", addresses.get(0), kind.get(0));
          } else {
            err.printf(
                "error: %d changes failed (%s%s): %s%n",
                addresses.size(),
                String.join(", ", addresses.subList(0, Math.min(3, addresses.size()))),
                addresses.size() > 3 ? ", ..." : "",
                kind.get(0));
          }
          if (kind.get(1) != null) {
            err.printf("hint: %s%n", kind.get(1));
          }
        });
    err.flush();
  }
}
