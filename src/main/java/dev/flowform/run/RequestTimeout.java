package dev.flowform.run;

import dev.flowform.diag.FlowformException;
import dev.flowform.flowservice.FlowServiceConfig;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The longest one call to the platform may take, connect to last byte: {@code
 * FLOWFORM_REQUEST_TIMEOUT} (like {@code 30s} or {@code 2m}), else {@link
 * FlowServiceConfig#DEFAULT_CALL_TIMEOUT}. It also bounds how long a create sent by a run that was
 * killed may still land, so a rerun waits that long (plus the settling window) before sending it
 * again.
 */
final class RequestTimeout {
  static final String VARIABLE = "FLOWFORM_REQUEST_TIMEOUT";
  private static final Pattern FORM = Pattern.compile("(\\d{1,9})(ms|s|m)?");

  private RequestTimeout() {}

  static Duration from(Map<String, String> env) {
    String value = env.get(VARIABLE);
    if (value == null || value.isBlank()) {
      return FlowServiceConfig.DEFAULT_CALL_TIMEOUT;
    }
    Matcher m = FORM.matcher(value.strip());
    if (m.matches() && Long.parseLong(m.group(1)) > 0) {
      long amount = Long.parseLong(m.group(1));
      String unit = m.group(2) == null ? "s" : m.group(2);
      return switch (unit) {
        case "ms" -> Duration.ofMillis(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofSeconds(amount);
      };
    }
    throw new FlowformException(
        VARIABLE + " is '" + value + "', not a duration",
        "set it to a positive duration, like 30s, 1500ms or 2m");
  }
}
