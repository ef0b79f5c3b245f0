package dev.flowform.validate;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/** Which URLs flowform sends credentials to: https anywhere, plain http only on loopback. */
final class Endpoints {
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

  private Endpoints() {}

  static boolean acceptable(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
      if (host.isEmpty()) {
        return false;
      }
      return scheme.equals("https") || (scheme.equals("http") && LOOPBACK.contains(host));
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
