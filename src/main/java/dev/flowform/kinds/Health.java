package dev.flowform.kinds;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;

/**
 * How a running resource does: whether it is enabled and how its latest run went.
 *
 * @param state the platform's word ({@code enabled}, {@code disabled}), or null when unknown
 * @param lastRun {@code success}, {@code failed}, ... or null when it never ran
 * @param recordsRead records the latest run read, or -1 when unknown
 * @param recordsFailed records it failed, or -1 when unknown
 * @param problem why it could not be read, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Health(
    String state, String lastRun, long recordsRead, long recordsFailed, String problem) {

  public Health(String state, String lastRun, long recordsRead, long recordsFailed) {
    this(state, lastRun, recordsRead, recordsFailed, null);
  }

  /** A health that could not be read: never taken for a good one. */
  public static Health unreadable(String why) {
    return new Health(null, null, -1, -1, why == null ? "unknown error" : why);
  }

  /** True when its latest run failed (the platform's words differ in case). */
  public boolean failed() {
    return lastRun != null && lastRun.toLowerCase(Locale.ROOT).startsWith("fail");
  }

  /** True when it could not be read. */
  public boolean unknown() {
    return problem != null;
  }

  /** True when it is switched on (the platform's words differ in case). */
  public boolean enabled() {
    return state != null && state.toLowerCase(Locale.ROOT).equals("enabled");
  }

  /**
   * How tables show it: {@code enabled, last run success (120 read, 0 failed)}, {@code disabled,
   * never ran}, {@code health unreadable}.
   */
  public String summary() {
    if (unknown()) {
      return "health unreadable";
    }
    String run =
        lastRun == null
            ? "never ran"
            : "last run "
                + lastRun.toLowerCase(Locale.ROOT)
                + (recordsRead < 0
                    ? ""
                    : " (" + recordsRead + " read, " + Math.max(0, recordsFailed) + " failed)");
    return (state == null ? "state unknown" : state.toLowerCase(Locale.ROOT)) + ", " + run;
  }
}
