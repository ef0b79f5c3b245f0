package dev.flowform.kinds.dataflow;

import dev.flowform.diag.Diagnostic;
import dev.flowform.manifest.doc.SourceMap;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the flow spec's {@code scheduleSpec} allows: a known frequency, no interval or backfill for
 * {@code once}, at least 15 for {@code minute} and 1 for the others, and a start time.
 */
final class ScheduleRules {
  static final Set<String> FREQUENCIES = Set.of("once", "minute", "hour", "day", "week");

  private ScheduleRules() {}

  static List<Diagnostic> check(DataflowManifest.Schedule schedule, SourceMap sources) {
    List<Diagnostic> problems = new ArrayList<>();
    String at = "/spec/schedule";
    String frequency = schedule.frequency();
    if (!FREQUENCIES.contains(frequency)) {
      problems.add(
          Diagnostic.error(
              sources.position(at + "/frequency"),
              "spec.schedule.frequency must be one of once, minute, hour, day, week, not '"
                  + frequency
                  + "'",
              dev.flowform.manifest.validate.Suggestions.didYouMean(frequency, FREQUENCIES)
                  .orElse(null)));
    } else if (frequency.equals("once")) {
      if (schedule.interval() != null) {
        problems.add(
            Diagnostic.error(
                sources.position(at + "/interval"),
                "spec.schedule.interval is not allowed for frequency once",
                "remove it, or choose another frequency"));
      }
      if (schedule.backfill() != null) {
        problems.add(
            Diagnostic.error(
                sources.position(at + "/backfill"),
                "spec.schedule.backfill is not allowed for frequency once",
                "remove it"));
      }
    } else {
      int least = frequency.equals("minute") ? 15 : 1;
      if (schedule.interval() == null) {
        problems.add(
            Diagnostic.error(
                sources.position(at),
                "spec.schedule.interval is required for frequency " + frequency,
                "at least " + least));
      } else if (schedule.interval() < least) {
        problems.add(
            Diagnostic.error(
                sources.position(at + "/interval"),
                "spec.schedule.interval must be at least "
                    + least
                    + " for frequency "
                    + frequency
                    + ", not "
                    + schedule.interval(),
                "the flow spec's scheduleSpec allows no shorter interval"));
      }
    }
    if (epochSeconds(schedule.startTime()).isEmpty()) {
      problems.add(
          Diagnostic.error(
              sources.position(at + "/startTime"),
              "spec.schedule.startTime must be a time such as 2026-12-01T00:00:00Z, or epoch"
                  + " seconds",
              null));
    }
    return problems;
  }

  /** The start time in epoch seconds, from ISO-8601 or from seconds. */
  static Optional<Long> epochSeconds(String text) {
    if (text == null) {
      return Optional.empty();
    }
    if (text.matches("[0-9]{1,12}")) {
      return Optional.of(Long.parseLong(text));
    }
    try {
      return Optional.of(Instant.parse(text).getEpochSecond());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
