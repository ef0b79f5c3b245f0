package dev.flowform.plan;

import dev.flowform.manifest.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Salted SHA-256 fingerprints of secret values: how flowform tells a rotated secret without ever
 * storing one. {@code sha256:<hex of SHA-256(salt ":" value)>}.
 */
public final class Fingerprints {
  private static final String PREFIX = "sha256:";

  private Fingerprints() {}

  /** A new random salt, 16 bytes in hex. */
  public static String newSalt(SecureRandom random) {
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    return HexFormat.of().formatHex(salt);
  }

  public static String of(String salt, String value) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) ':');
      sha.update(value.getBytes(StandardCharsets.UTF_8));
      return PREFIX + HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Fingerprints of every resolved secret, by param name; unresolved ones are left out. */
  public static SortedMap<String, String> ofAll(String salt, SortedMap<String, Secret> secrets) {
    SortedMap<String, String> out = new TreeMap<>();
    secrets.forEach(
        (param, secret) -> secret.value().ifPresent(value -> out.put(param, of(salt, value))));
    return out;
  }
}
