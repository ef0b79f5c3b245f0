package dev.flowform.apply;

/**
 * A request given up before it was sent: the apply was cancelled while it waited for a request
 * slot. Nothing of it reached the platform; its change ends as not finished.
 */
final class NotSent extends RuntimeException {
  private static final long serialVersionUID = 1L;

  NotSent() {
    super("the apply was cancelled before this request was sent", null, false, false);
  }
}
