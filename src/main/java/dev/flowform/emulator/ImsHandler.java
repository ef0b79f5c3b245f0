package dev.flowform.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /ims/token/v3}: the OAuth client-credentials exchange. Grants any client unless the
 * emulator was given a client id and secret.
 */
final class ImsHandler implements Route {
  private final TokenRegistry tokens;
  private final Optional<String> clientId;
  private final Optional<String> clientSecret;
  private final ObjectMapper mapper;

  ImsHandler(
      TokenRegistry tokens,
      Optional<String> clientId,
      Optional<String> clientSecret,
      ObjectMapper mapper) {
    this.tokens = tokens;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.mapper = mapper;
  }

  @Override
  public String template(HttpCall call) {
    return call.path().isEmpty() || call.path().equals("/") ? "" : "/*";
  }

  @Override
  public void handle(HttpCall call) {
    if (!template(call).isEmpty()) {
      throw ApiError.ims(404, "not_found", "No resource at this path.");
    }
    if (!call.method().equals("POST")) {
      throw ApiError.ims(405, "invalid_request", "Use POST.");
    }
    Map<String, List<String>> form = HttpCall.parseForm(call.body());
    call.query().forEach(form::putIfAbsent);
    if (!"client_credentials".equals(first(form, "grant_type"))) {
      throw ApiError.ims(400, "unsupported_grant_type", "grant_type must be client_credentials.");
    }
    String id = first(form, "client_id");
    String secret = first(form, "client_secret");
    if (id == null
        || id.isBlank()
        || clientId.filter(expected -> !expected.equals(id)).isPresent()) {
      throw ApiError.ims(400, "invalid_client", "invalid client_id parameter");
    }
    if (secret == null
        || secret.isBlank()
        || clientSecret.filter(expected -> !expected.equals(secret)).isPresent()) {
      throw ApiError.ims(401, "invalid_client", "invalid client_secret parameter");
    }
    ObjectNode body = mapper.createObjectNode();
    body.put("access_token", tokens.issue(id));
    body.put("token_type", "bearer");
    body.put("expires_in", tokens.lifetime().toSeconds());
    call.sendJson(200, body);
  }

  private static String first(Map<String, List<String>> form, String name) {
    List<String> values = form.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
