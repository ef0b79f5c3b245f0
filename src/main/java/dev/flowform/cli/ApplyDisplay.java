package dev.flowform.cli;

/**
 * How {@code apply} and {@code destroy} talk while they run.
 *
 * @param color colour the plan text
 * @param quiet no progress lines ({@code --quiet})
 * @param json the result as JSON on stdout; the plan, progress and report then go to stderr
 */
record ApplyDisplay(boolean color, boolean quiet, boolean json) {}
