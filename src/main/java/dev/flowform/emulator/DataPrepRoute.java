package dev.flowform.emulator;

/**
 * Everything under {@code /data/foundation/conversion} (Data Prep): the same gateway checks and
 * rate limit as the Flow Service, then {@code /mappingSets} and {@code /mappingSets/{id}}.
 */
final class DataPrepRoute implements Route {
  private final GatewayChecks gateway;
  private final RateLimiter rateLimiter;
  private final MappingSetsApi mappingSets;

  DataPrepRoute(GatewayChecks gateway, RateLimiter rateLimiter, MappingSetsApi mappingSets) {
    this.gateway = gateway;
    this.rateLimiter = rateLimiter;
    this.mappingSets = mappingSets;
  }

  @Override
  public String template(HttpCall call) {
    String[] segments = segments(call);
    if (segments.length == 1) {
      return "/" + segments[0];
    }
    return segments.length == 2 ? "/" + segments[0] + "/{id}" : "/*";
  }

  @Override
  public void handle(HttpCall call) {
    Caller caller = gateway.check(call);
    rateLimiter.admit();
    String[] segments = segments(call);
    String method = call.method();
    String route = template(call);
    switch (route) {
      case "/mappingSets" -> {
        switch (method) {
          case "POST" -> mappingSets.create(call, caller);
          case "GET" -> mappingSets.list(call, caller);
          default -> throw Errors.methodNotAllowed(method, route);
        }
      }
      case "/mappingSets/{id}" -> {
        switch (method) {
          case "GET" -> mappingSets.read(call, caller, segments[1]);
          case "PUT" -> mappingSets.replace(call, caller, segments[1]);
          case "DELETE" -> mappingSets.delete(call, caller, segments[1]);
          default -> throw Errors.methodNotAllowed(method, route);
        }
      }
      default -> throw Errors.routeNotFound(call.path());
    }
  }

  private static String[] segments(HttpCall call) {
    String path = call.path();
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    if (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
  }
}
