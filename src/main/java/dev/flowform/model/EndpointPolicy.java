package dev.flowform.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Which URLs flowform sends credentials to: https anywhere, plain http only on loopback. The one
 * place this rule lives: the manifest rules and the HTTP client both ask it.
 */
public final class EndpointPolicy {
  /** What to tell a user whose URL is refused. */
  public static final String HINT =
      "use an https:// URL; plain http is allowed only on loopback (127.0.0.0/8, localhost, [::1])";

  private EndpointPolicy() {}

  /** True for an absolute https URL with a host, or an http URL whose host is loopback. */
  public static boolean allows(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    String host = url.getHost();
    if (host == null || host.isEmpty()) {
      return false;
    }
    return scheme.equals("https") || (scheme.equals("http") && isLoopback(host));
  }

  /** {@link #allows(URI)} for text; false when it is not a URL at all. */
  public static boolean allows(String url) {
    try {
      return allows(new URI(url));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** Loopback by name only: 127.0.0.0/8, localhost, ::1. Nothing is resolved. */
  public static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
      return true;
    }
    String[] parts = h.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("127")) {
      return false;
    }
    for (String part : parts) {
      if (!part.matches("[0-9]{1,3}") || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }
}
