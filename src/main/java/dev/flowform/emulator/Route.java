package dev.flowform.emulator;

/** What serves the requests under one path of the emulator. */
interface Route {

  /** The path template a request is counted under, like {@code /connections/{id}}. */
  String template(HttpCall call);

  /** Answers the call, or throws {@link ApiError}. */
  void handle(HttpCall call);
}
