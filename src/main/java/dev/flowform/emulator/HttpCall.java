package dev.flowform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** One request and its answer: the exchange, its request id, and JSON in and out. */
final class HttpCall {
  private static final int NO_BODY = -1;
  private final HttpExchange exchange;
  private final ObjectMapper mapper;
  private final String requestId;
  private String body;

  HttpCall(HttpExchange exchange, ObjectMapper mapper, String requestId) {
    this.exchange = exchange;
    this.mapper = mapper;
    this.requestId = requestId;
  }

  String method() {
    return exchange.getRequestMethod().toUpperCase(Locale.ROOT);
  }

  /** The path below the handler's context, starting with {@code /} (or empty). */
  String path() {
    String full = exchange.getRequestURI().getRawPath();
    String context = exchange.getHttpContext().getPath();
    return full.substring(Math.min(context.length(), full.length()));
  }

  /** A header's value, trimmed; empty when absent or blank. */
  Optional<String> header(String name) {
    return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name))
        .map(String::trim)
        .filter(s -> !s.isEmpty());
  }

  /** The query parameters, decoded, each with all its values in order. */
  Map<String, List<String>> query() {
    return parseForm(exchange.getRequestURI().getRawQuery());
  }

  /** The request body as text (empty when none); read once, so it can be asked again. */
  String body() {
    if (body == null) {
      try {
        body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return body;
  }

  /**
   * The request line and these parts of the request, verbatim: {@code GET /path query: a=1 headers:
   * {Name: value, ...} body: ...}. Header names come as the JDK server spells them.
   */
  String echo(Set<EchoPart> parts) {
    StringBuilder echo =
        new StringBuilder(method()).append(' ').append(exchange.getRequestURI().getRawPath());
    if (parts.contains(EchoPart.QUERY)) {
      echo.append(" query: ").append(Objects.toString(exchange.getRequestURI().getRawQuery(), ""));
    }
    if (parts.contains(EchoPart.HEADERS)) {
      echo.append(" headers: {");
      String separator = "";
      for (Map.Entry<String, List<String>> header :
          new TreeMap<>(exchange.getRequestHeaders()).entrySet()) {
        echo.append(separator)
            .append(header.getKey())
            .append(": ")
            .append(String.join(", ", header.getValue()));
        separator = ", ";
      }
      echo.append('}');
    }
    if (parts.contains(EchoPart.BODY)) {
      echo.append(" body: ").append(body());
    }
    return echo.toString();
  }

  /**
   * The request body as JSON; {@code 415} unless sent as {@code application/json}, {@code 1405-400}
   * when empty, {@code 1100-400} when malformed.
   */
  JsonNode jsonBody() {
    String type = header("Content-Type").orElse("");
    if (!type.toLowerCase(Locale.ROOT).matches("application/json\\s*(;.*)?")) {
      throw Errors.unsupportedMediaType(type);
    }
    String body = body();
    if (body.isBlank()) {
      throw Errors.emptyBody();
    }
    try {
      return mapper.readTree(body);
    } catch (IOException e) {
      throw Errors.invalidRequest("The request body is not valid JSON.");
    }
  }

  void sendJson(int status, JsonNode body) {
    sendJson(status, body, Map.of());
  }

  void sendJson(int status, JsonNode body, Map<String, String> headers) {
    try {
      byte[] bytes = mapper.writeValueAsBytes(body);
      headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
      stampRequestId();
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void sendEmpty(int status) {
    try {
      stampRequestId();
      exchange.sendResponseHeaders(status, NO_BODY);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void sendError(ApiError error) {
    Map<String, String> headers = new LinkedHashMap<>();
    error.retryAfterSeconds().ifPresent(s -> headers.put("Retry-After", Long.toString(s)));
    sendJson(error.status(), error.body(mapper, requestId), headers);
  }

  /** Closes the connection without any answer, as a network failure would. */
  void drop() {
    exchange.close();
  }

  private void stampRequestId() {
    exchange.getResponseHeaders().set("x-request-id", requestId);
  }

  /** Parses {@code a=1&b=2&a=3} (query or form body), decoding each name and value. */
  static Map<String, List<String>> parseForm(String raw) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return params;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw Errors.invalidRequest("The query is not properly encoded.");
    }
  }
}
