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

  /** What {@link Builder#build()} and {@link UnknownOutcomeException} are made of. */
  FlowServiceException(Builder b) {
    super(describe(b.status, b.code, b.title, b.detail, b.requestId), b.hint, b.cause);
    this.status = b.status;
    this.code = b.code;
    this.title = b.title;
    this.detail = b.detail;
    this.requestId = b.requestId;
  }

  /**
   * Starts an error; add only what is known.
   *
   * @param status HTTP status, or 0 when no answer came (connection failure)
   * @param title what happened, e.g. Adobe's error title
   */
  public static Builder builder(int status, String title) {
    return new Builder(status, title);
  }

  /** Builds a {@link FlowServiceException} or an {@link UnknownOutcomeException}. */
  public static final class Builder {
    private final int status;
    private final String title;
    private String code;
    private String detail;
    private String requestId;
    private String hint;
    private Throwable cause;

    private Builder(int status, String title) {
      this.status = status;
      this.title = title;
    }

    /** Adobe's error code ({@code 1404-412}, {@code 403010}). */
    public Builder code(String value) {
      code = value;
      return this;
    }

    public Builder detail(String value) {
      detail = value;
      return this;
    }

    public Builder requestId(String value) {
      requestId = value;
      return this;
    }

    /** What the user can do about it. */
    public Builder hint(String value) {
      hint = value;
      return this;
    }

    public Builder cause(Throwable value) {
      cause = value;
      return this;
    }

    public FlowServiceException build() {
      return new FlowServiceException(this);
    }

    /** A create whose outcome is unknown (its hint says the name is looked up first). */
    public UnknownOutcomeException unknownOutcome() {
      hint = UnknownOutcomeException.HINT;
      return new UnknownOutcomeException(this);
    }
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
