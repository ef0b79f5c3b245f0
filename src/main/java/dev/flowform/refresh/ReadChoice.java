package dev.flowform.refresh;

import java.util.OptionalLong;

/**
 * How a refresh reads the platform, chosen from counts: one filtered, paged list of the sandbox's
 * connections of the spec, or one lookup per name. Pure.
 */
enum ReadChoice {
  /** {@code GET /connections?property=connectionSpec.id==…}, every page. */
  LIST,
  /** {@code GET /connections?property=name==…} for each name. */
  PER_ITEM;

  /** Below this many lookups the sandbox is not even counted: a count and a page cost two. */
  static final int WORTH_COUNTING = 3;

  /**
   * @param lookups the requests reading per item would send (one per name)
   * @param inSandbox how many connections of the spec the sandbox has, if it was counted
   * @param pageSize the connections one page of the list holds at most
   */
  static ReadChoice of(int lookups, OptionalLong inSandbox, int pageSize) {
    if (lookups < WORTH_COUNTING || inSandbox.isEmpty()) {
      return PER_ITEM;
    }
    return pages(inSandbox.getAsLong(), pageSize) < lookups ? LIST : PER_ITEM;
  }

  /** The pages a list of {@code count} connections takes: at least one. */
  static long pages(long count, int pageSize) {
    return Math.max(1, (count + pageSize - 1) / pageSize);
  }
}
