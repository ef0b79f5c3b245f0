package dev.flowform.flowservice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Access tokens from Adobe IMS by the OAuth client-credentials exchange. The token is fetched on
 * first use, kept in memory only, and fetched again when it nears its end or a call was refused
 * with it. Parallel callers share one fetch. A fetch that failed (IMS refused the credentials, or
 * could not be reached) fails every later call of the run at once, without asking IMS again.
 */
final class ImsTokenSource implements TokenSource {
  private static final Duration EARLY = Duration.ofMinutes(1);
  private static final String CREDENTIALS_HINT =
      "check the environment's credentials (clientId, clientSecret, scopes, imsEndpoint)";

  private final CallRunner calls;
  private final ImsCredentials credentials;
  private final ObjectMapper json;
  private final Clock clock;
  private String current;
  private Instant renewAt;
  private FlowServiceException failed;

  ImsTokenSource(CallRunner calls, ImsCredentials credentials, ObjectMapper json, Clock clock) {
    this.calls = calls;
    this.credentials = credentials;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public synchronized String token() {
    if (current == null || (renewAt != null && !clock.instant().isBefore(renewAt))) {
      fetch();
    }
    return current;
  }

  @Override
  public synchronized Optional<String> renew(String rejected) {
    if (current == null || current.equals(rejected)) {
      fetch();
      return Optional.of(current);
    }
    return Optional.of(token());
  }

  private void fetch() {
    if (failed != null) {
      throw again(failed);
    }
    try {
      request();
    } catch (FlowServiceException e) {
      failed = e;
      throw e;
    }
  }

  private static FlowServiceException again(FlowServiceException first) {
    if (first instanceof UnreachableException u) {
      return u.again();
    }
    return FlowServiceException.builder(first.status(), first.title())
        .code(first.code())
        .detail(first.detail())
        .requestId(first.requestId())
        .hint(first.hint())
        .cause(first)
        .build();
  }

  private void request() {
    FormBody form =
        new FormBody.Builder()
            .add("grant_type", "client_credentials")
            .add("client_id", credentials.clientId())
            .add("client_secret", credentials.clientSecret())
            .add("scope", String.join(",", credentials.scopes()))
            .build();
    HttpUrl url = HttpUrl.get(credentials.endpoint().toString());
    HttpResult result = calls.read(new Request.Builder().url(url).post(form).build());
    if (!result.isSuccessful()) {
      ErrorBody error = ErrorBody.parse(result, json);
      String hint = ErrorHints.forError(result.status(), error.code());
      throw FlowServiceException.builder(
              result.status(),
              error.title() == null
                  ? "IMS refused the token request"
                  : "IMS refused the token request: " + error.title())
          .code(error.code())
          .detail(error.detail())
          .requestId(error.requestId())
          .hint(hint != null ? hint : CREDENTIALS_HINT)
          .build();
    }
    JsonNode answer = readJson(result);
    String token = ConnectionJson.text(answer, "access_token");
    if (token == null || token.isBlank()) {
      throw FlowServiceException.builder(result.status(), "IMS answered without an access_token")
          .hint("check credentials.imsEndpoint")
          .build();
    }
    JsonNode expiresIn = answer.get("expires_in");
    current = token;
    renewAt =
        expiresIn != null && expiresIn.canConvertToLong()
            ? clock.instant().plusSeconds(expiresIn.asLong()).minus(EARLY)
            : null;
  }

  private JsonNode readJson(HttpResult result) {
    try {
      JsonNode node = json.readTree(result.body());
      return node == null ? json.createObjectNode() : node;
    } catch (IOException e) {
      throw FlowServiceException.builder(
              result.status(), "IMS answered with something that is not JSON")
          .hint("check credentials.imsEndpoint")
          .cause(e)
          .build();
    }
  }

  @Override
  public String toString() {
    return "ImsTokenSource[" + credentials.endpoint() + "]";
  }
}
