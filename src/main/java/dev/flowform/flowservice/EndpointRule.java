package dev.flowform.flowservice;

import dev.flowform.diag.FlowformException;
import java.net.URI;
import java.util.Locale;

/** Which URLs flowform sends credentials to: https anywhere, plain http only on loopback. */
final class EndpointRule {
  private EndpointRule() {}

  /**
   * @param what names the setting in the message, e.g. "endpoint"
   * @throws FlowformException for any other scheme, or http to a host that is not loopback
   */
  static URI requireAllowed(URI url, String what) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    String host = url.getHost();
    if (host == null || host.isEmpty()) {
      throw new FlowformException(
          what + " " + url + " is not an absolute URL with a host",
          "write it as https://host/path");
    }
    if (scheme.equals("https") || (scheme.equals("http") && isLoopback(host))) {
      return url;
    }
    throw new FlowformException(
        what + " " + url + " is refused: credentials are only sent over https",
        "use an https:// URL; plain http is allowed only on loopback (127.0.0.1, localhost, ::1)");
  }

  /** Loopback by name only: 127.0.0.0/8, localhost, ::1. Nothing is resolved. */
  static boolean isLoopback(String host) {
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
