package dev.flowform.flowservice;

import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * An answer that redirects. flowform follows none (a token or a client secret must not follow one
 * to another host), so a redirect is an error of its own, naming the host: never read as a refusal
 * of the credentials, and called a loop when it points back at the URL asked.
 */
final class Redirects {
  private static final int MAX_SHOWN = 200;

  private Redirects() {}

  static boolean isRedirect(int status) {
    return status >= 300 && status < 400;
  }

  /**
   * @param resendable false for a create: a redirect after a POST may follow one that landed, so
   *     its outcome is unknown
   */
  static FlowServiceException refused(Request request, HttpResult result, boolean resendable) {
    HttpUrl url = request.url();
    String location = result.header("Location");
    HttpUrl target = location == null ? null : url.resolve(location);
    String host = url.host() + ":" + url.port();
    String title =
        target != null && sameResource(url, target)
            ? "a redirect loop at "
                + host
                + ": it redirects "
                + request.method()
                + " "
                + url.encodedPath()
                + " to itself"
            : host
                + " redirected "
                + request.method()
                + " "
                + url.encodedPath()
                + (target == null ? "" : " to " + shown(target))
                + "; flowform follows no redirect";
    FlowServiceException.Builder error =
        FlowServiceException.builder(result.status(), title)
            .hint(
                "check the environment's "
                    + Reachability.setting(url)
                    + ": it must name the service itself, not an address that redirects");
    return resendable ? error.build() : error.unknownOutcome();
  }

  private static boolean sameResource(HttpUrl asked, HttpUrl target) {
    return asked.host().equalsIgnoreCase(target.host())
        && asked.port() == target.port()
        && asked.encodedPath().equals(target.encodedPath());
  }

  /** Scheme, host, port and path only: a query may carry anything. */
  private static String shown(HttpUrl target) {
    String text =
        target.scheme() + "://" + target.host() + ":" + target.port() + target.encodedPath();
    return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
  }
}
