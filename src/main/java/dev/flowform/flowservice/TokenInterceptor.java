package dev.flowform.flowservice;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends {@code Authorization: Bearer <token>}; on a 401 that says the token is bad (gateway code
 * {@code 401013}, or no code at all) renews the token once and sends the call once more. A 401 of
 * the Flow Service about the org ({@code 2000-401}...) is passed on: a new token would not help.
 */
final class TokenInterceptor implements Interceptor {
  private static final String TOKEN_INVALID = "401013";
  private static final long PEEK_LIMIT = 64 * 1024;

  private final TokenSource tokens;
  private final ObjectMapper json;

  TokenInterceptor(TokenSource tokens, ObjectMapper json) {
    this.tokens = tokens;
    this.json = json;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String token = tokens.token();
    Response response = chain.proceed(withToken(request, token));
    if (response.code() != 401 || !tokenRejected(response)) {
      return response;
    }
    Optional<String> renewed = tokens.renew(token);
    if (renewed.isEmpty()) {
      return response;
    }
    response.close();
    return chain.proceed(withToken(request, renewed.get()));
  }

  private boolean tokenRejected(Response response) throws IOException {
    String body = response.peekBody(PEEK_LIMIT).string();
    HttpResult result = new HttpResult(response.code(), response.headers(), body);
    String code = ErrorBody.parse(result, json).code();
    return code == null || code.equals(TOKEN_INVALID);
  }

  private static Request withToken(Request request, String token) {
    return request.newBuilder().header("Authorization", "Bearer " + token).build();
  }
}
