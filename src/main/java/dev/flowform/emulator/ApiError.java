package dev.flowform.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.OptionalLong;

/**
 * An error answer, thrown wherever a check fails and written by the handler in Adobe's form: the
 * Flow Service's ({@code type}, {@code title}, {@code report}...), the gateway's ({@code
 * error_code}, {@code message}) or IMS's ({@code error}, {@code error_description}).
 */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  enum Form {
    FLOW,
    GATEWAY,
    IMS
  }

  private final transient Form form;
  private final int status;
  private final String code;
  private final String title;
  private final String detail;
  private final OptionalLong retryAfterSeconds;

  private ApiError(
      Form form, int status, String code, String title, String detail, OptionalLong retryAfter) {
    super(status + " " + code + ": " + detail, null, false, false);
    this.form = form;
    this.status = status;
    this.code = code;
    this.title = title;
    this.detail = detail;
    this.retryAfterSeconds = retryAfter;
  }

  /** A Flow Service error; {@code code} is like {@code 1101-404}, its suffix the HTTP status. */
  static ApiError flow(String code, String title, String detail) {
    int status = Integer.parseInt(code.substring(code.indexOf('-') + 1));
    return new ApiError(Form.FLOW, status, code, title, detail, OptionalLong.empty());
  }

  /** An error of Adobe's API gateway, before the service: {@code 403010}, {@code 401013}... */
  static ApiError gateway(int status, String code, String message) {
    return new ApiError(Form.GATEWAY, status, code, message, message, OptionalLong.empty());
  }

  /** An IMS token endpoint error: {@code invalid_client}, {@code unsupported_grant_type}... */
  static ApiError ims(int status, String error, String description) {
    return new ApiError(Form.IMS, status, error, error, description, OptionalLong.empty());
  }

  /** The same, answered with a {@code Retry-After} header. */
  ApiError retryAfter(long seconds) {
    return new ApiError(form, status, code, title, detail, OptionalLong.of(seconds));
  }

  int status() {
    return status;
  }

  OptionalLong retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** The body in this error's form. */
  ObjectNode body(ObjectMapper mapper, String requestId) {
    ObjectNode body = mapper.createObjectNode();
    switch (form) {
      case FLOW -> {
        body.put("type", "https://ns.adobe.com/aep/errors/FLOW-" + code);
        body.put("title", title);
        body.put("status", status);
        ObjectNode report = body.putObject("report");
        report.put("detailed-message", detail);
        report.put("request-id", requestId);
        body.put("errorMessage", detail);
        body.put("errorDetails", title);
      }
      case GATEWAY -> {
        body.put("error_code", code);
        body.put("message", detail);
      }
      case IMS -> {
        body.put("error", code);
        body.put("error_description", detail);
      }
    }
    return body;
  }
}
