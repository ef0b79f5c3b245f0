package dev.flowform.cli;

import dev.flowform.apply.ApplyListener;
import dev.flowform.apply.ChangeOutcome;
import dev.flowform.plan.Change;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Shows an apply as it runs. Every mode but {@link ProgressMode#QUIET} prints one line per finished
 * change ({@code marketing-hubspot: created (id …)}), so a log keeps the record of what was done.
 * On a terminal a live line under them ({@code [12/40] 1 failed, 8s elapsed, 1.5/s}) is rewritten
 * in place with {@code \r}; in a log a summary line is printed instead, at most once per {@link
 * #LOG_EVERY}, when a change starts or ends (time comes from the injected clock, so tests control
 * it), and also on {@link #tick()}, which a timer calls while a slow change runs, so a log shows
 * the apply is alive. The listener calls come from one thread (see {@link ApplyListener}) and the
 * ticks from another: every method is synchronized.
 */
final class ProgressLines implements ApplyListener {
  static final Duration LOG_EVERY = Duration.ofSeconds(5);

  private final PrintWriter out;
  private final Clock clock;
  private final ProgressMode mode;
  private final int total;
  private final Instant start;
  private Instant lastSummary;
  private int done;
  private int failed;
  private int liveWidth;

  ProgressLines(PrintWriter out, Clock clock, ProgressMode mode, int total) {
    this.out = out;
    this.clock = clock;
    this.mode = mode;
    this.total = total;
    this.start = clock.instant();
    this.lastSummary = start;
  }

  /** The clock moved on: redraw the live line, or print a due summary in a log. */
  synchronized void tick() {
    if (mode == ProgressMode.LIVE) {
      drawLive();
    } else if (mode == ProgressMode.LOG) {
      maybeSummary();
    }
  }

  @Override
  public synchronized void onStart(Change change) {
    if (mode == ProgressMode.LIVE) {
      drawLive();
    } else if (mode == ProgressMode.LOG) {
      maybeSummary();
    }
  }

  @Override
  public synchronized void onDone(Change change, ChangeOutcome outcome) {
    done++;
    if (!outcome.outcome().success()) {
      failed++;
    }
    if (mode == ProgressMode.QUIET) {
      return;
    }
    clearLive();
    out.println(line(outcome));
    if (mode == ProgressMode.LIVE) {
      drawLive();
    } else {
      maybeSummary();
    }
    out.flush();
  }

  /** Ends the live line, if one is drawn, so what follows starts on a clean line. */
  synchronized void finish() {
    clearLive();
    out.flush();
  }

  /** {@code 12/40 done, 1 failed, 8s elapsed, 1.5/s}. */
  synchronized String summary() {
    long millis = Duration.between(start, clock.instant()).toMillis();
    String rate = millis <= 0 ? "-" : String.format(Locale.ROOT, "%.1f/s", done * 1000.0 / millis);
    return String.format(
        Locale.ROOT,
        "%d/%d done, %d failed, %ds elapsed, %s",
        done,
        total,
        failed,
        millis / 1000,
        rate);
  }

  private void maybeSummary() {
    Instant now = clock.instant();
    if (Duration.between(lastSummary, now).compareTo(LOG_EVERY) >= 0) {
      lastSummary = now;
      out.println("Progress: " + summary());
      out.flush();
    }
  }

  private void drawLive() {
    String live = "[" + summary() + "]";
    out.print("\r" + live + " ".repeat(Math.max(0, liveWidth - live.length())));
    liveWidth = live.length();
    out.flush();
  }

  private void clearLive() {
    if (liveWidth > 0) {
      out.print("\r" + " ".repeat(liveWidth) + "\r");
      liveWidth = 0;
    }
  }

  private static String line(ChangeOutcome outcome) {
    StringBuilder line = new StringBuilder(outcome.address()).append(": ");
    String label = outcome.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    line.append(label);
    if (outcome.id() != null) {
      line.append(" (id ").append(outcome.id()).append(')');
    }
    if (outcome.message() != null && !outcome.outcome().success()) {
      String message = outcome.message();
      // "not started: the apply was cancelled" already says what the label says
      if (message.startsWith(label + ": ")) {
        message = message.substring(label.length() + 2);
      }
      line.append(": ").append(message);
    }
    return line.toString();
  }
}
