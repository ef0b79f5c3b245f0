package dev.flowform.flowservice;

import dev.flowform.diag.FlowformException;

/**
 * An error answer from the Flow Service, IMS or Adobe's gateway, with what the user needs to act on
 * it. Never holds a secret.
 *
 * @see UnknownOutcomeException
 */
public class FlowServiceException extends FlowformException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String code;
  private final String title;
  private final String detail;
  private final String requestId;

  /**
   * @param status HTTP status, or 0 when no answer came (connection failure)
   * @param code Adobe's error code ({@code 1404-412}, {@code 403010}), or null
   * @param hint what the user can do about it, or null
   */
  public FlowServiceException(
      int status,
      String code,
      String title,
      String detail,
      String requestId,
      String hint,
      Throwable cause) {
    super(describe(status, code, title, detail, requestId), hint, cause);
    this.status = status;
    this.code = code;
    this.title = title;
    this.detail = detail;
    this.requestId = requestId;
  }

  /** No answer came at all: {@code message} says why, as the user reads it. */
  protected FlowServiceException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
    this.status = 0;
    this.code = null;
    this.title = message;
    this.detail = null;
    this.requestId = null;
  }

  private static String describe(
      int status, String code, String title, String detail, String requestId) {
    StringBuilder out = new StringBuilder();
    out.append(status == 0 ? "no answer" : "HTTP " + status);
    if (code != null) {
      out.append(" ").append(code);
    }
    if (title != null) {
      out.append(": ").append(title);
    }
    if (detail != null && !detail.equals(title)) {
      out.append(": ").append(detail);
    }
    if (requestId != null) {
      out.append(" (request id ").append(requestId).append(')');
    }
    return out.toString();
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return detail;
  }

  public String requestId() {
    return requestId;
  }
}
