package dev.flowform.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A platform that, like some gateways and proxies, echoes what it was sent in its error answers:
 * the request body, its query string (IMS's form), its headers. Loopback HTTP, so an Environment
 * manifest can point the real command line at it.
 */
final class EchoingPlatform implements AutoCloseable {
  static final String BASE = "/data/foundation/flowservice";
  static final String IMS = "/ims/token/v3";

  /** What is echoed, and where. */
  enum Echo {
    /** Nothing: lists are empty, creates answer 201. */
    NONE,
    /** A create answers 400 echoing its body, its headers and a Basic header of the params. */
    CREATE_BODY_AND_HEADERS,
    /** A list answers 400 echoing the query string and every header. */
    LIST_HEADERS,
    /** IMS answers 401 echoing the form (a query string) it was sent. */
    IMS_FORM
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final String token;
  private volatile Echo echo = Echo.NONE;

  EchoingPlatform(String token) throws IOException {
    this.token = token;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  void echo(Echo echo) {
    this.echo = echo;
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + BASE;
  }

  String ims() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + IMS;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      if (path.equals(IMS)) {
        if (echo == Echo.IMS_FORM) {
          send(exchange, 401, Map.of("error", "invalid_client", "error_description", body));
        } else {
          send(exchange, 200, Map.of("access_token", token, "expires_in", 86_399_000));
        }
      } else if (path.equals(BASE + "/connections") && method.equals("GET")) {
        if (echo == Echo.LIST_HEADERS) {
          send(
              exchange,
              400,
              Map.of(
                  "error_code", "400",
                  "message", "Invalid request: " + exchange.getRequestURI().getRawQuery(),
                  "detail", "headers " + headers(exchange)));
        } else {
          send(exchange, 200, Map.of("items", List.of()));
        }
      } else if (path.equals(BASE + "/connections") && method.equals("POST")) {
        if (echo == Echo.CREATE_BODY_AND_HEADERS) {
          send(
              exchange,
              400,
              Map.of(
                  "error_code", "400",
                  "message", "Invalid request: cannot parse " + body,
                  "detail", "forwarded with " + basic(body) + "; headers " + headers(exchange)));
        } else {
          send(
              exchange, 201, Map.of("id", "c0ffee00-0000-4000-8000-000000000001", "etag", "\"1\""));
        }
      } else {
        send(exchange, 404, Map.of("error_code", "404", "message", "no route " + path));
      }
    }
  }

  /** {@code Basic base64(clientId:clientSecret)} of a create's params, as a proxy might log it. */
  private static String basic(String body) throws IOException {
    var params = JSON.readTree(body).at("/auth/params");
    String pair = params.path("clientId").asText() + ":" + params.path("clientSecret").asText();
    return "Authorization: Basic "
        + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private static String headers(HttpExchange exchange) {
    Map<String, String> sorted = new TreeMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> sorted.put(name, String.join(",", values)));
    return sorted.toString();
  }

  private static void send(HttpExchange exchange, int status, Object answer) {
    try {
      byte[] bytes = JSON.writeValueAsBytes(answer);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.getResponseHeaders().set("x-request-id", "echo-request");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
