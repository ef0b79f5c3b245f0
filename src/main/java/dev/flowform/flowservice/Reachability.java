package dev.flowform.flowservice;

import java.io.IOException;
import java.io.InterruptedIOException;
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

  /**
   * Attempts of one call when the host accepts the connection and then stalls: each already took a
   * read or a call timeout, so one more at most.
   */
  static final int STALL_ATTEMPTS = 2;

  private final Map<String, UnreachableException> down = new ConcurrentHashMap<>();

  /**
   * @throws UnreachableException when an earlier call gave up on this host
   */
  void check(HttpUrl url) {
    UnreachableException known = down.get(hostOf(url));
    if (known != null) {
      throw known.again();
    }
  }

  /** Records that the host cannot be reached; the first cause recorded is the one reported. */
  UnreachableException giveUp(HttpUrl url, IOException cause, int attempts) {
    return down.computeIfAbsent(
        hostOf(url), h -> new UnreachableException(h, reason(cause), hint(url, attempts), cause));
  }

  /**
   * Records that the host accepted the connection and then stalled; the first cause recorded is the
   * one reported.
   */
  UnreachableException giveUpStalled(HttpUrl url, IOException cause, int attempts) {
    return down.computeIfAbsent(
        hostOf(url),
        h ->
            UnreachableException.stalled(
                h,
                stall(cause).orElse(String.valueOf(cause.getMessage())),
                hint(url, attempts),
                cause));
  }

  private static String hint(HttpUrl url, int attempts) {
    return "check the environment's "
        + setting(url)
        + ", the network and any proxy ("
        + attempts
        + " attempt(s) made; nothing more is sent to it in this run)";
  }

  /** The setting of the environment that names this URL's host. */
  static String setting(HttpUrl url) {
    return url.encodedPath().contains("/ims/") ? "credentials.imsEndpoint" : "endpoint";
  }

  /**
   * Why a call to a host that accepted the connection got no whole answer in time, or empty when
   * the failure is another one: no byte within the read timeout (a server that stalls, endless
   * headers included), or an answer still trickling in when the call timeout ended the call.
   */
  static Optional<String> stall(IOException e) {
    if (connectFailure(e).isPresent()) {
      return Optional.empty();
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SocketTimeoutException) {
        return Optional.of("no answer within the read timeout");
      }
      if (t instanceof InterruptedIOException && "timeout".equals(t.getMessage())) {
        return Optional.of("the answer did not end within the call timeout");
      }
    }
    return Optional.empty();
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
