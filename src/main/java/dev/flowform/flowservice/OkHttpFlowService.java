package dev.flowform.flowservice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowform.model.RemoteConnection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/** {@link FlowServiceApi} over OkHttp. Built by {@link FlowServiceClients}. */
final class OkHttpFlowService implements FlowServiceApi {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final Set<Integer> CREATE_UNKNOWN = Set.of(500, 502, 503, 504);

  private final HttpUrl base;
  private final CallRunner calls;
  private final ConnectionJson bodies;
  private final ObjectMapper json;
  private final Answers answers;
  private final int listPageSize;
  private final PlatformResources resources;

  private final java.time.Duration createTimeout;

  OkHttpFlowService(
      HttpUrl base,
      CallRunner calls,
      ObjectMapper json,
      int listPageSize,
      java.time.Duration createTimeout) {
    this.base = base;
    this.createTimeout = createTimeout;
    this.listPageSize = listPageSize;
    this.calls = calls;
    this.bodies = new ConnectionJson(json);
    this.json = json;
    this.answers = new Answers(json);
    this.resources = new OkHttpResources(base, calls, json, listPageSize);
  }

  @Override
  public PlatformResources resources() {
    return resources;
  }

  @Override
  public java.time.Duration createTimeout() {
    return createTimeout;
  }

  @Override
  public CreatedConnection create(ConnectionRequest request) {
    return create(request, () -> {});
  }

  @Override
  public CreatedConnection create(ConnectionRequest request, Runnable beforeEachSend) {
    RequestBody body = RequestBody.create(bodies.createBody(request), JSON);
    HttpResult result =
        calls.create(new Request.Builder().url(connections()).post(body).build(), beforeEachSend);
    if (!result.isSuccessful()) {
      ErrorBody error = ErrorBody.parse(result, json);
      throw CREATE_UNKNOWN.contains(result.status())
          ? error.toUnknownOutcome(result.status())
          : error.toException(result.status());
    }
    JsonNode answer = answers.readJson(result);
    String id = ConnectionJson.text(answer, "id");
    String etag = Answers.etag(answer, result);
    if (id == null || etag == null) {
      throw FlowServiceException.builder(result.status(), "the create answer has no id or etag")
          .requestId(result.header("x-request-id"))
          .unknownOutcome();
    }
    return new CreatedConnection(id, etag);
  }

  @Override
  public Optional<RemoteConnection> get(String id) {
    HttpResult result = calls.read(new Request.Builder().url(connection(id)).get().build());
    if (isGone(result)) {
      return Optional.empty();
    }
    JsonNode items = answers.readJson(answers.requireSuccess(result)).path("items");
    return items.size() == 0 ? Optional.empty() : Optional.of(bodies.connection(items.get(0)));
  }

  @Override
  public List<RemoteConnection> findByName(String name) {
    return walk(ConnectionPages.byName(connections(), name), r -> name.equals(r.name()));
  }

  @Override
  public List<RemoteConnection> findByNames(List<String> names) {
    Set<String> wanted = Set.copyOf(names);
    HttpUrl first =
        ConnectionPages.byNames(connections(), names)
            .newBuilder()
            .addQueryParameter("limit", Integer.toString(listPageSize))
            .build();
    return walk(first, r -> wanted.contains(r.name()));
  }

  @Override
  public OptionalLong countBySpec(String specId) {
    HttpUrl url =
        ConnectionPages.bySpec(connections(), specId)
            .newBuilder()
            .addQueryParameter("count", "true")
            .build();
    JsonNode count =
        answers
            .readJson(
                answers.requireSuccess(calls.read(new Request.Builder().url(url).get().build())))
            .get("count");
    return count != null && count.canConvertToLong()
        ? OptionalLong.of(count.asLong())
        : OptionalLong.empty();
  }

  @Override
  public List<RemoteConnection> listBySpec(String specId) {
    HttpUrl first =
        ConnectionPages.bySpec(connections(), specId)
            .newBuilder()
            .addQueryParameter("limit", Integer.toString(listPageSize))
            .build();
    return walk(
        first, r -> r.connectionSpec() != null && specId.equalsIgnoreCase(r.connectionSpec().id()));
  }

  @Override
  public int listPageSize() {
    return listPageSize;
  }

  /**
   * Every page of a list, each asked with the first page's query; the connections {@code keep}
   * accepts, once each (a connection that moved between pages may be listed twice).
   */
  private List<RemoteConnection> walk(HttpUrl first, Predicate<RemoteConnection> keep) {
    Map<String, RemoteConnection> found = new LinkedHashMap<>();
    ConnectionPages pages = new ConnectionPages(base, first);
    for (Optional<HttpUrl> page = Optional.of(first); page.isPresent(); ) {
      HttpUrl url = page.get();
      JsonNode answer =
          answers.readJson(
              answers.requireSuccess(calls.read(new Request.Builder().url(url).get().build())));
      for (JsonNode item : answer.path("items")) {
        RemoteConnection connection = bodies.connection(item);
        if (connection.id() != null && keep.test(connection)) {
          found.putIfAbsent(connection.id(), connection);
        }
      }
      page = pages.next(url, answer);
    }
    return List.copyOf(found.values());
  }

  @Override
  public String update(String id, String etag, List<PatchOperation> operations) {
    RequestBody body = RequestBody.create(bodies.patchBody(operations), JSON);
    Request request =
        new Request.Builder().url(connection(id)).header("If-Match", etag).patch(body).build();
    HttpResult result = answers.requireSuccess(calls.safe(request));
    return answers.updatedEtag(result);
  }

  @Override
  public void delete(String id) {
    HttpResult result = calls.safe(new Request.Builder().url(connection(id)).delete().build());
    if (!isGone(result)) {
      answers.requireSuccess(result);
    }
  }

  private HttpUrl connections() {
    return base.newBuilder().addPathSegment("connections").build();
  }

  private HttpUrl connection(String id) {
    return base.newBuilder().addPathSegment("connections").addPathSegment(id).build();
  }

  /**
   * A 404 about the connection: Adobe's {@code 1101-404}, or no code at all in a JSON (or empty)
   * body. Not a missing sandbox ({@code 2100-404}), nor the HTML 404 of a wrong endpoint: those
   * must not make a connection look deleted.
   */
  private boolean isGone(HttpResult result) {
    if (result.status() != 404) {
      return false;
    }
    String code = ErrorBody.parse(result, json).code();
    String body = result.body().strip();
    return "1101-404".equals(code) || (code == null && (body.isEmpty() || body.startsWith("{")));
  }
}
