package dev.flowform.cli;

import dev.flowform.apply.ApplyListener;
import dev.flowform.apply.ChangeOutcome;
import dev.flowform.plan.Change;
import java.io.PrintWriter;

/** One line per finished change, as it finishes: {@code marketing-hubspot: created (id …)}. */
final class ProgressLines implements ApplyListener {
  private final PrintWriter out;

  ProgressLines(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void onDone(Change change, ChangeOutcome outcome) {
    StringBuilder line = new StringBuilder(change.address()).append(": ");
    line.append(outcome.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    if (outcome.id() != null) {
      line.append(" (id ").append(outcome.id()).append(')');
    }
    if (outcome.message() != null && !outcome.outcome().success()) {
      line.append(": ").append(outcome.message());
    }
    out.println(line);
    out.flush();
  }
}
