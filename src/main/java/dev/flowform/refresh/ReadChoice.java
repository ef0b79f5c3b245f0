package dev.flowform.refresh;

import java.util.OptionalLong;

/**
 * How a refresh reads the platform, chosen from counts of round trips (a list's pages follow one
 * another; reads by name go {@code parallelism} at a time): one filtered, paged list of the
 * sandbox's connections of the spec, or reads filtered by name, several names each. Pure.
 */
enum ReadChoice {
  /** {@code GET /connections?property=connectionSpec.id==…}, every page, one after another. */
  LIST,
  /** {@code GET /connections?property=name==A,B,…}, several at once. */
  BY_NAMES;

  /**
   * Reads by name that take fewer round trips than this are sent without counting the sandbox: a
   * count and a page would take two.
   */
  static final long WORTH_COUNTING = 3;

  /** The round trips {@code reads} take, {@code parallelism} at a time. */
  static long rounds(int reads, int parallelism) {
    return (reads + Math.max(1, parallelism) - 1) / Math.max(1, parallelism);
  }

  /**
   * @param rounds the round trips reading by name would take
   * @param inSandbox how many connections of the spec the sandbox has, if it was counted
   * @param pageSize the connections one page of the list holds at most
   */
  static ReadChoice of(long rounds, OptionalLong inSandbox, int pageSize) {
    if (rounds < WORTH_COUNTING || inSandbox.isEmpty()) {
      return BY_NAMES;
    }
    return pages(inSandbox.getAsLong(), pageSize) < rounds ? LIST : BY_NAMES;
  }

  /** The pages a list of {@code count} connections takes: at least one. */
  static long pages(long count, int pageSize) {
    return Math.max(1, (count + pageSize - 1) / pageSize);
  }
}
