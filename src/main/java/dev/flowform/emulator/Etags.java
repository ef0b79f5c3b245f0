package dev.flowform.emulator;

/** Comparing an {@code If-Match} value with an etag, quoted or not. */
final class Etags {
  private Etags() {}

  /** Whether {@code ifMatch} names {@code etag}: quotes and a weak {@code W/} prefix ignored. */
  static boolean matches(String ifMatch, String etag) {
    String given = ifMatch.trim();
    return given.equals("*") || bare(given).equals(bare(etag));
  }

  static String bare(String etag) {
    String bare = etag.trim();
    if (bare.startsWith("W/")) {
      bare = bare.substring(2);
    }
    if (bare.length() >= 2 && bare.startsWith("\"") && bare.endsWith("\"")) {
      bare = bare.substring(1, bare.length() - 1);
    }
    return bare;
  }
}
