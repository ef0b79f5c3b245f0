package dev.flowform.flowservice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/** {@link PlatformResources} over OkHttp, sharing the connection client's call runner. */
final class OkHttpResources implements PlatformResources {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final Set<Integer> CREATE_UNKNOWN = Set.of(500, 502, 503, 504);

  private final HttpUrl flowService;
  private final HttpUrl conversion;
  private final CallRunner calls;
  private final ObjectMapper json;
  private final Answers answers;
  private final int pageSize;

  // what the platform publishes (flow and connection specs), by path and id, read once a run
  private final Map<String, Optional<JsonNode>> published = new ConcurrentHashMap<>();

  OkHttpResources(HttpUrl flowService, CallRunner calls, ObjectMapper json, int pageSize) {
    this.flowService = flowService;
    this.conversion = conversionBeside(flowService);
    this.calls = calls;
    this.json = json;
    this.answers = new Answers(json);
    this.pageSize = pageSize;
  }

  /** {@code .../data/foundation/flowservice} to {@code .../data/foundation/conversion}. */
  static HttpUrl conversionBeside(HttpUrl flowService) {
    List<String> segments = flowService.pathSegments();
    HttpUrl.Builder out = flowService.newBuilder().encodedPath("/");
    for (int i = 0; i < segments.size() - 1; i++) {
      if (!segments.get(i).isEmpty()) {
        out.addPathSegment(segments.get(i));
      }
    }
    return out.addPathSegment("conversion").build();
  }

  @Override
  public JsonNode create(Collection collection, JsonNode body, Runnable beforeEachSend) {
    HttpResult result =
        calls.create(
            new Request.Builder().url(url(collection)).post(body(body)).build(), beforeEachSend);
    if (!result.isSuccessful()) {
      ErrorBody error = ErrorBody.parse(result, json);
      throw CREATE_UNKNOWN.contains(result.status())
          ? error.toUnknownOutcome(result.status())
          : error.toException(result.status());
    }
    JsonNode answer = answers.readJson(result);
    if (ConnectionJson.text(answer, "id") == null) {
      throw FlowServiceException.builder(result.status(), "the create answer has no id")
          .requestId(result.header("x-request-id"))
          .unknownOutcome();
    }
    return answer;
  }

  @Override
  public Optional<JsonNode> get(Collection collection, String id) {
    if (!collection.published()) {
      return read(collection, id);
    }
    // a hundred dataflows of one flow spec read it once; a failed read is not kept
    return published
        .computeIfAbsent(collection.path() + "/" + id, key -> read(collection, id))
        .map(JsonNode::deepCopy);
  }

  private Optional<JsonNode> read(Collection collection, String id) {
    HttpResult result = calls.read(new Request.Builder().url(url(collection, id)).get().build());
    if (isGone(result)) {
      return Optional.empty();
    }
    JsonNode answer = answers.readJson(answers.requireSuccess(result));
    if (answer.has("items")) {
      JsonNode items = answer.path("items");
      return items.size() == 0 ? Optional.empty() : Optional.of(items.get(0));
    }
    return Optional.of(answer);
  }

  @Override
  public List<JsonNode> list(Collection collection, String property) {
    HttpUrl.Builder first = url(collection).newBuilder();
    StringBuilder query = new StringBuilder();
    if (property != null) {
      query
          .append("property=")
          .append(URLEncoder.encode(property, StandardCharsets.UTF_8).replace("+", "%20"));
      query.append('&');
    }
    query.append("limit=").append(pageSize);
    HttpUrl start = first.encodedQuery(query.toString().replace("%3D%3D", "==")).build();
    Map<String, JsonNode> found = new LinkedHashMap<>();
    ConnectionPages pages = new ConnectionPages(base(collection), start);
    for (Optional<HttpUrl> page = Optional.of(start); page.isPresent(); ) {
      HttpUrl url = page.get();
      JsonNode answer =
          answers.readJson(
              answers.requireSuccess(calls.read(new Request.Builder().url(url).get().build())));
      JsonNode items = answer.has("items") ? answer.path("items") : answer.path("data");
      for (JsonNode item : items) {
        String id = ConnectionJson.text(item, "id");
        if (id != null) {
          found.putIfAbsent(id, item);
        }
      }
      page = pages.next(url, answer);
    }
    return List.copyOf(found.values());
  }

  @Override
  public String patch(Collection collection, String id, String etag, JsonNode operations) {
    Request request =
        new Request.Builder()
            .url(url(collection, id))
            .header("If-Match", etag)
            .patch(body(operations))
            .build();
    HttpResult result = answers.requireSuccess(calls.safe(request));
    return answers.updatedEtag(result);
  }

  @Override
  public JsonNode put(Collection collection, String id, JsonNode body) {
    return answers.readJson(
        answers.requireSuccess(
            calls.safe(new Request.Builder().url(url(collection, id)).put(body(body)).build())));
  }

  @Override
  public JsonNode action(Collection collection, String id, String op) {
    HttpUrl url =
        url(collection, id)
            .newBuilder()
            .addPathSegment("action")
            .addQueryParameter("op", op)
            .build();
    HttpResult result =
        answers.requireSuccess(
            calls.safe(
                new Request.Builder().url(url).post(RequestBody.create(new byte[0])).build()));
    return answers.readJson(result);
  }

  @Override
  public void delete(Collection collection, String id) {
    HttpResult result = calls.safe(new Request.Builder().url(url(collection, id)).delete().build());
    if (!isGone(result)) {
      answers.requireSuccess(result);
    }
  }

  private HttpUrl base(Collection collection) {
    return collection.conversion() ? conversion : flowService;
  }

  private HttpUrl url(Collection collection) {
    return base(collection).newBuilder().addPathSegment(collection.path()).build();
  }

  private HttpUrl url(Collection collection, String id) {
    return url(collection).newBuilder().addPathSegment(id).build();
  }

  private RequestBody body(JsonNode body) {
    try {
      return RequestBody.create(json.writeValueAsBytes(body), JSON);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a request body", e);
    }
  }

  /** A 404 about the resource, not about the sandbox or a wrong endpoint (an HTML page). */
  private boolean isGone(HttpResult result) {
    if (result.status() != 404) {
      return false;
    }
    String code = ErrorBody.parse(result, json).code();
    String body = result.body().strip();
    return !"2100-404".equals(code) && (body.isEmpty() || body.startsWith("{"));
  }
}
