package dev.flowform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Set;

/**
 * A flow's {@code scheduleParams}, checked as the flow spec's {@code scheduleSpec} says: {@code
 * startTime} (epoch seconds) and {@code frequency} ({@code once}, {@code minute}, {@code hour},
 * {@code day}, {@code week}) required; {@code interval} at least 15 for {@code minute} and 1
 * otherwise, and, like {@code backfill}, not allowed for {@code once}. Numbers may come as strings
 * of digits, as Adobe's examples send them.
 *
 * @param interval 1 when not given
 */
record Schedule(long startTime, String frequency, long interval) {
  static final Set<String> FREQUENCIES = Set.of("once", "minute", "hour", "day", "week");

  /** The schedule of these params, or the {@code 1100-400} of the first rule they break. */
  static Schedule of(JsonNode params) {
    if (params == null || !params.isObject()) {
      throw Errors.invalidRequest("The flow's 'scheduleParams' are required.");
    }
    long start =
        JsonFields.number(params.get("startTime"), "scheduleParams.startTime")
            .orElseThrow(() -> Errors.invalidRequest("The scheduleParams.startTime is required."));
    String frequency =
        JsonFields.required(params.get("frequency"), "scheduleParams.frequency")
            .toLowerCase(Locale.ROOT);
    if (!FREQUENCIES.contains(frequency)) {
      throw Errors.invalidRequest(
          "The frequency '" + frequency + "' is not one of once, minute, hour, day, week.");
    }
    boolean once = frequency.equals("once");
    if (once && (params.has("interval") || params.has("backfill"))) {
      throw Errors.invalidRequest(
          "A schedule of frequency 'once' takes no 'interval' and no 'backfill'.");
    }
    long interval = JsonFields.number(params.get("interval"), "scheduleParams.interval").orElse(1);
    long least = frequency.equals("minute") ? 15 : 1;
    if (!once && interval < least) {
      throw Errors.invalidRequest(
          "The interval of a '" + frequency + "' schedule must be at least " + least + ".");
    }
    JsonNode backfill = params.get("backfill");
    if (backfill != null
        && !backfill.isBoolean()
        && !(backfill.isTextual() && backfill.textValue().matches("true|false"))) {
      throw Errors.invalidRequest("The scheduleParams.backfill must be true or false.");
    }
    return new Schedule(start, frequency, interval);
  }

  /** Seconds between two runs; 0 for {@code once}. */
  long periodSeconds() {
    long unit =
        switch (frequency) {
          case "minute" -> 60;
          case "hour" -> 3_600;
          case "day" -> 86_400;
          case "week" -> 604_800;
          default -> 0;
        };
    return unit * interval;
  }
}
