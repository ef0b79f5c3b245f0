package dev.flowform.flowservice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An error answer read from any of Adobe's body forms (title null when the body has none): the Flow
 * Service's ({@code type} ending in {@code FLOW-1101-404}, {@code title}, {@code report}), the
 * gateway's ({@code error_code}, {@code message}), IMS's ({@code error}, {@code
 * error_description}), or anything else.
 */
record ErrorBody(String code, String title, String detail, String requestId) {
  private static final Pattern FLOW_CODE = Pattern.compile("([0-9]{3,5}-[0-9]{3})$");
  private static final int MAX_TEXT = 300;

  static ErrorBody parse(HttpResult result, ObjectMapper json) {
    String headerRequestId = result.header("x-request-id");
    JsonNode root = readJson(result.body(), json);
    if (root == null || !root.isObject()) {
      String text = result.body().strip().replaceAll("\\s+", " ");
      return new ErrorBody(null, null, text.isEmpty() ? null : shorten(text), headerRequestId);
    }
    String code = flowCode(text(root, "type"));
    if (code == null) {
      code = firstText(root, "error_code", "code", "error");
    }
    String title = firstText(root, "title", "message", "error_description", "errorMessage");
    String detail =
        firstNonNull(
            text(root.path("report"), "detailed-message"),
            text(root, "errorMessage"),
            text(root, "detail"),
            text(root, "error_description"),
            text(root, "errorDetails"));
    String requestId =
        firstNonNull(
            text(root.path("report"), "request-id"), text(root, "request_id"), headerRequestId);
    return new ErrorBody(code, shorten(title), shorten(detail), requestId);
  }

  FlowServiceException toException(int status) {
    return FlowServiceException.builder(status, title)
        .code(code)
        .detail(detail)
        .requestId(requestId)
        .hint(ErrorHints.forError(status, code))
        .build();
  }

  UnknownOutcomeException toUnknownOutcome(int status) {
    return FlowServiceException.builder(status, title)
        .code(code)
        .detail(detail)
        .requestId(requestId)
        .unknownOutcome();
  }

  private static JsonNode readJson(String body, ObjectMapper json) {
    if (body.isBlank()) {
      return null;
    }
    try {
      return json.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static String flowCode(String type) {
    if (type == null) {
      return null;
    }
    Matcher m = FLOW_CODE.matcher(type.strip());
    return m.find() ? m.group(1) : null;
  }

  private static String firstText(JsonNode node, String... fields) {
    for (String field : fields) {
      String value = text(node, field);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || value.isContainerNode()) {
      return null;
    }
    String text = value.asText().strip();
    return text.isEmpty() ? null : text;
  }

  private static String firstNonNull(String... values) {
    for (String value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private static String shorten(String text) {
    return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "...";
  }
}
