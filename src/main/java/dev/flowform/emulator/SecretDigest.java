package dev.flowform.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * What the data file keeps of a secret param: {@code sha256:<hex>} of salt and value, never the
 * value. A value already in that form (read back from the file) is kept as it is.
 */
final class SecretDigest {
  private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

  private SecretDigest() {}

  static String of(String salt, String value) {
    if (DIGEST.matcher(value).matches()) {
      return value;
    }
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(salt.getBytes(StandardCharsets.UTF_8));
      sha256.update((byte) 0);
      return "sha256:"
          + HexFormat.of().formatHex(sha256.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
