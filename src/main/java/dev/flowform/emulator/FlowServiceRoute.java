package dev.flowform.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Everything under {@code /data/foundation/flowservice}: the gateway's checks and rate limit, then
 * {@code /connections}, {@code /connections/{id}} and {@code /connectionSpecs/{id}}.
 */
final class FlowServiceRoute implements Route {
  private final GatewayChecks gateway;
  private final RateLimiter rateLimiter;
  private final ConnectionsApi connections;
  private final ObjectMapper mapper;

  FlowServiceRoute(
      GatewayChecks gateway,
      RateLimiter rateLimiter,
      ConnectionsApi connections,
      ObjectMapper mapper) {
    this.gateway = gateway;
    this.rateLimiter = rateLimiter;
    this.connections = connections;
    this.mapper = mapper;
  }

  @Override
  public String template(HttpCall call) {
    String[] segments = segments(call);
    return switch (segments.length) {
      case 1 -> "/" + segments[0];
      case 2 -> "/" + segments[0] + "/{id}";
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
      case "/connectionSpecs/{id}" -> {
        if (!method.equals("GET")) {
          throw Errors.methodNotAllowed(method, route);
        }
        ObjectNode body = mapper.createObjectNode();
        body.putArray("items")
            .add(
                ConnectionSpecs.item(segments[1], mapper)
                    .orElseThrow(() -> Errors.notFound(segments[1])));
        call.sendJson(200, body);
      }
      default -> throw Errors.routeNotFound(call.path());
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
