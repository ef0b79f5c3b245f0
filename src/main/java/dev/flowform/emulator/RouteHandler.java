package dev.flowform.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.time.Duration;

/**
 * The JDK server's handler for one route: gives the call a request id (the caller's {@code
 * x-request-id}, else a new one), counts it, waits the configured latency, and turns whatever the
 * route throws into an error answer.
 */
final class RouteHandler implements HttpHandler {
  private final Route route;
  private final ObjectMapper mapper;
  private final Ids ids;
  private final RequestCounter counter;
  private final Duration latency;

  RouteHandler(
      Route route, ObjectMapper mapper, Ids ids, RequestCounter counter, Duration latency) {
    this.route = route;
    this.mapper = mapper;
    this.ids = ids;
    this.counter = counter;
    this.latency = latency;
  }

  @Override
  public void handle(HttpExchange exchange) {
    String requestId = Or.blank(exchange.getRequestHeaders().getFirst("x-request-id"), ids::uuid);
    HttpCall call = new HttpCall(exchange, mapper, requestId);
    try {
      counter.count(call.method(), exchange.getHttpContext().getPath() + route.template(call));
      pause();
      route.handle(call);
    } catch (ApiError error) {
      call.sendError(error);
    } catch (RuntimeException e) {
      call.sendError(Errors.internal("The emulator failed: " + e.getClass().getSimpleName() + "."));
    } finally {
      exchange.close();
    }
  }

  private void pause() {
    if (latency.isZero()) {
      return;
    }
    try {
      Thread.sleep(latency.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Errors.unavailable();
    }
  }
}
