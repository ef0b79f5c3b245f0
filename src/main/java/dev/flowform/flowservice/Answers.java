package dev.flowform.flowservice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** How every client of the platform reads an answer: its JSON, its error, its etag. */
final class Answers {
  private final ObjectMapper json;

  Answers(ObjectMapper json) {
    this.json = json;
  }

  /** The answer, or the platform's error as a {@link FlowServiceException}. */
  HttpResult requireSuccess(HttpResult result) {
    if (!result.isSuccessful()) {
      throw ErrorBody.parse(result, json).toException(result.status());
    }
    return result;
  }

  /** The body as JSON (an empty object when blank). */
  JsonNode readJson(HttpResult result) {
    if (result.body().isBlank()) {
      return json.createObjectNode();
    }
    try {
      return json.readTree(result.body());
    } catch (JsonProcessingException e) {
      throw FlowServiceException.builder(result.status(), "the answer is not JSON")
          .detail(e.getOriginalMessage())
          .requestId(result.header("x-request-id"))
          .hint("check that the endpoint is a Flow Service")
          .cause(e)
          .build();
    }
  }

  /** The body's {@code etag}, else the {@code ETag} header; quotes kept; null when neither. */
  static String etag(JsonNode answer, HttpResult result) {
    String etag = ConnectionJson.text(answer, "etag");
    return etag != null ? etag : result.header("ETag");
  }

  /** The etag of an update's answer; an answer without one is an error that says to refresh. */
  String updatedEtag(HttpResult result) {
    String etag = etag(readJson(result), result);
    if (etag == null) {
      throw FlowServiceException.builder(result.status(), "the update answer has no etag")
          .requestId(result.header("x-request-id"))
          .hint("run flowform refresh to record the current etag")
          .build();
    }
    return etag;
  }
}
