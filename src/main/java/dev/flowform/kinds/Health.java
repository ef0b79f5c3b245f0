package dev.flowform.kinds;

/**
 * How a running resource does: whether it is enabled and how its latest run went.
 *
 * @param state the platform's word ({@code enabled}, {@code disabled})
 * @param lastRun {@code success}, {@code failed}, ... or null when it never ran
 * @param recordsRead records the latest run read, or -1 when unknown
 * @param recordsFailed records it failed, or -1 when unknown
 */
public record Health(String state, String lastRun, long recordsRead, long recordsFailed) {

  /** True when its latest run failed (the platform's words differ in case). */
  public boolean failed() {
    return lastRun != null && lastRun.toLowerCase(java.util.Locale.ROOT).startsWith("fail");
  }
}
