package dev.flowform.diag;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The shapes a secret takes once something encodes it: as it is, JSON-escaped (minimally, with
 * {@code \/}, or every character as {@code \u0000}), URL-encoded (form and RFC 3986, upper and
 * lower case hex, or every byte), Base64 (standard and URL-safe, padded or not, and the part that
 * stays the same whatever bytes precede it), and hex. Pure functions of the value.
 */
final class SecretForms {
  private SecretForms() {}

  /** Every form of {@code secret}, the secret itself first. */
  static Set<String> of(String secret) {
    Set<String> base = new LinkedHashSet<>();
    base.add(secret);
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    String form = URLEncoder.encode(secret, StandardCharsets.UTF_8);
    base.add(form);
    base.add(form.replace("+", "%20"));
    base.add(lowerHexEscapes(form));
    base.add(lowerHexEscapes(form.replace("+", "%20")));
    base.add(everyByte(bytes, "%", false));
    base.add(everyByte(bytes, "%", true));
    base.addAll(base64(bytes, Base64.getEncoder()));
    base.addAll(base64(bytes, Base64.getUrlEncoder()));
    base.add(HexFormat.of().formatHex(bytes));
    base.add(HexFormat.of().withUpperCase().formatHex(bytes));
    Set<String> all = new LinkedHashSet<>();
    for (String shape : base) {
      all.add(shape);
      all.add(json(shape, false, false));
      all.add(json(shape, true, false));
      all.add(json(shape, false, true));
      all.add(json(shape, true, true));
      all.add(json(json(shape, false, false), false, false)); // JSON text quoted in JSON
      all.add(json(json(shape, false, true), false, false));
    }
    all.add(everyChar(secret, false));
    all.add(everyChar(secret, true));
    return all;
  }

  /**
   * Standard and unpadded Base64, and for each of the three alignments the characters that only the
   * secret's bytes decide (so the secret is found inside a longer encoded text too).
   */
  private static Set<String> base64(byte[] bytes, Base64.Encoder encoder) {
    Set<String> out = new LinkedHashSet<>();
    out.add(encoder.encodeToString(bytes));
    for (int offset = 0; offset < 3; offset++) {
      byte[] shifted = new byte[offset + bytes.length];
      System.arraycopy(bytes, 0, shifted, offset, bytes.length);
      String encoded = encoder.withoutPadding().encodeToString(shifted);
      int from = (8 * offset + 5) / 6;
      int to = (8 * (offset + bytes.length)) / 6;
      if (to > from) {
        out.add(encoded.substring(from, to));
      }
    }
    return out;
  }

  /** JSON string content; {@code slash}: {@code /} as {@code \/}; {@code ascii}: others as \\u. */
  static String json(String text, boolean slash, boolean ascii) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '/' -> out.append(slash ? "\\/" : "/");
        default -> {
          if (c < 0x20 || (ascii && c > 0x7e)) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  private static String everyChar(String text, boolean upper) {
    StringBuilder out = new StringBuilder(text.length() * 6);
    for (int i = 0; i < text.length(); i++) {
      out.append(String.format(Locale.ROOT, upper ? "\\u%04X" : "\\u%04x", (int) text.charAt(i)));
    }
    return out.toString();
  }

  private static String everyByte(byte[] bytes, String prefix, boolean upper) {
    StringBuilder out = new StringBuilder(bytes.length * 3);
    for (byte b : bytes) {
      out.append(prefix).append(String.format(Locale.ROOT, upper ? "%02X" : "%02x", b & 0xff));
    }
    return out.toString();
  }

  /** {@code %2F} as {@code %2f}: some encoders write lower case hex. */
  private static String lowerHexEscapes(String encoded) {
    StringBuilder out = new StringBuilder(encoded);
    for (int i = 0; i + 2 < out.length(); i++) {
      if (out.charAt(i) == '%') {
        out.setCharAt(i + 1, Character.toLowerCase(out.charAt(i + 1)));
        out.setCharAt(i + 2, Character.toLowerCase(out.charAt(i + 2)));
      }
    }
    return out.toString();
  }
}
