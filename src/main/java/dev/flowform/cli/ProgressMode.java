package dev.flowform.cli;

/** How an apply shows its progress. */
enum ProgressMode {
  /** On a terminal: one line per finished change, under a live line rewritten in place. */
  LIVE,
  /** In a log (CI): one line per finished change, and a summary line every few seconds. */
  LOG,
  /** {@code --quiet}: nothing until the closing report. */
  QUIET;

  static ProgressMode of(boolean quiet, boolean interactive) {
    if (quiet) {
      return QUIET;
    }
    return interactive ? LIVE : LOG;
  }
}
