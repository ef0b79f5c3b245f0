package dev.flowform.flowservice;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;

/**
 * Which hosts of one run were found unreachable. Shared by every call of the run (the Flow Service
 * and IMS alike): after one call gave up on a host, the others fail at once instead of each
 * retrying on its own.
 */
final class Reachability {
  /** Attempts of one call when it cannot connect at all: a few, not the full retry budget. */
  static final int CONNECT_ATTEMPTS = 3;

  private final Map<String, UnreachableException> down = new ConcurrentHashMap<>();

  /**
   * @throws UnreachableException when an earlier call gave up on this host
   */
  void check(HttpUrl url) {
    UnreachableException known = down.get(hostOf(url));
    if (known != null) {
      throw new UnreachableException(known.host(), known.reason(), known.hint(), known);
    }
  }

  /** Records that the host cannot be reached; the first cause recorded is the one reported. */
  UnreachableException giveUp(HttpUrl url, IOException cause, int attempts) {
    String host = hostOf(url);
    return down.computeIfAbsent(
        host,
        h ->
            new UnreachableException(
                h,
                reason(cause),
                "check the environment's "
                    + (url.encodedPath().contains("/ims/") ? "credentials.imsEndpoint" : "endpoint")
                    + ", the network and any proxy ("
                    + attempts
                    + " attempt(s) made; nothing more is sent to it in this run)",
                cause));
  }

  /** The failure as the user should read it, or empty when it may be a passing one. */
  static Optional<String> connectFailure(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException) {
        return Optional.of("the host name did not resolve (DNS)");
      }
      if (t instanceof NoRouteToHostException) {
        return Optional.of("no route to host");
      }
      if (t instanceof ConnectException) {
        return Optional.of(saysRefused(t) ? "connection refused" : "cannot connect");
      }
      if (t instanceof SSLException s) {
        return Optional.of("TLS failed (" + s.getMessage() + ")");
      }
      if (t instanceof SocketTimeoutException s
          && s.getMessage() != null
          && s.getMessage().toLowerCase(Locale.ROOT).contains("connect")) {
        return Optional.of("connect timed out");
      }
    }
    return Optional.empty();
  }

  /** TLS failures do not pass: trying again cannot help. */
  static boolean hopeless(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SSLException) {
        return true;
      }
    }
    return false;
  }

  private static boolean saysRefused(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains("refused")) {
        return true;
      }
    }
    return false;
  }

  private static String reason(IOException e) {
    return connectFailure(e).orElse(String.valueOf(e.getMessage()));
  }

  private static String hostOf(HttpUrl url) {
    return url.host() + ":" + url.port();
  }
}
