package dev.flowform.emulator;

/**
 * Everything under {@code /data/foundation/flowservice}: the gateway's checks and rate limit, then
 * {@code /connections}, {@code /connections/{id}}, {@code /connections/{id}/test}, {@code
 * /connectionSpecs} and {@code /connectionSpecs/{id}}, the pipeline collections ({@code
 * /sourceConnections}, {@code /targetConnections}, {@code /flows}, each with {@code /{id}}), {@code
 * /flows/{id}/action}, {@code /flowSpecs}, {@code /flowSpecs/{id}} and {@code /runs}.
 */
final class FlowServiceRoute implements Route {
  private final GatewayChecks gateway;
  private final RateLimiter rateLimiter;
  private final ConnectionsApi connections;
  private final ConnectionSpecsApi specs;
  private final PipelineApis pipeline;

  FlowServiceRoute(
      GatewayChecks gateway,
      RateLimiter rateLimiter,
      ConnectionsApi connections,
      ConnectionSpecsApi specs,
      PipelineApis pipeline) {
    this.gateway = gateway;
    this.rateLimiter = rateLimiter;
    this.connections = connections;
    this.specs = specs;
    this.pipeline = pipeline;
  }

  @Override
  public String template(HttpCall call) {
    String[] segments = segments(call);
    return switch (segments.length) {
      case 1 -> "/" + segments[0];
      case 2 -> "/" + segments[0] + "/{id}";
      case 3 ->
          segments[2].equals("test") || segments[2].equals("action")
              ? "/" + segments[0] + "/{id}/" + segments[2]
              : "/*";
      default -> "/*";
    };
  }

  @Override
  public void handle(HttpCall call) {
    Caller caller = gateway.check(call);
    rateLimiter.admit();
    String[] segments = segments(call);
    String method = call.method();
    String route = template(call);
    switch (route) {
      case "/connections" -> {
        switch (method) {
          case "POST" -> connections.create(call, caller);
          case "GET" -> connections.list(call, caller);
          default -> throw Errors.methodNotAllowed(method, route);
        }
      }
      case "/connections/{id}" -> {
        switch (method) {
          case "GET" -> connections.read(call, caller, segments[1]);
          case "PATCH" -> connections.update(call, caller, segments[1]);
          case "DELETE" -> connections.delete(call, caller, segments[1]);
          default -> throw Errors.methodNotAllowed(method, route);
        }
      }
      case "/connections/{id}/test" -> {
        requireGet(method, route);
        connections.test(call, caller, segments[1]);
      }
      case "/connectionSpecs" -> {
        requireGet(method, route);
        specs.list(call);
      }
      case "/connectionSpecs/{id}" -> {
        requireGet(method, route);
        specs.read(call, segments[1]);
      }
      default -> {
        if (!pipeline.handle(route, call, caller, segments)) {
          throw Errors.routeNotFound(call.path());
        }
      }
    }
  }

  static void requireGet(String method, String route) {
    if (!method.equals("GET")) {
      throw Errors.methodNotAllowed(method, route);
    }
  }

  private static String[] segments(HttpCall call) {
    String path = call.path();
    if (!path.startsWith("/")) {
      return new String[0];
    }
    String trimmed = path.substring(1);
    if (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
  }
}
