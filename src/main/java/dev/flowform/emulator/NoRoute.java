package dev.flowform.emulator;

/** Anything outside the Flow Service and IMS paths: 404. */
final class NoRoute implements Route {
  @Override
  public String template(HttpCall call) {
    return "*";
  }

  @Override
  public void handle(HttpCall call) {
    throw Errors.routeNotFound(call.path());
  }
}
