package dev.flowform.state;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The checks the state file format makes beyond JSON types; the same rules as {@code
 * schemas/state.schema.json}. Each failure is an {@link IllegalArgumentException}, which Jackson
 * reports with the line and column where the offending object ends.
 */
final class FormatRules {
  static final Pattern ADDRESS = Pattern.compile("([a-z]+\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  static final int ADDRESS_MAX = 63 + "connection.".length();
  static final Pattern FINGERPRINT = Pattern.compile("sha256:[0-9a-f]{64}");

  private FormatRules() {}

  static String text(String value, String field) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("'" + field + "' must be a non-empty string");
    }
    return value;
  }

  static void notNull(Object value, String field) {
    if (value == null) {
      throw new IllegalArgumentException("'" + field + "' is required");
    }
  }

  static void notNegative(long value, String field) {
    if (value < 0) {
      throw new IllegalArgumentException("'" + field + "' must not be negative");
    }
  }

  static void address(String address) {
    if (address.length() > ADDRESS_MAX || !ADDRESS.matcher(address).matches()) {
      throw new IllegalArgumentException(
          "'"
              + address
              + "' is not a valid address (lower-case letters, digits and '-', at most 63,"
              + " after a kind's prefix such as 'dataflow.')");
    }
  }

  /** Only salted SHA-256 fingerprints, never anything that could be a secret. */
  static void fingerprints(Map<String, String> fingerprints) {
    fingerprints.forEach(
        (param, fingerprint) -> {
          if (fingerprint == null || !FINGERPRINT.matcher(fingerprint).matches()) {
            throw new IllegalArgumentException(
                "secretFingerprints." + param + " must be a fingerprint 'sha256:<64 hex digits>'");
          }
        });
  }

  static void values(Map<String, String> map, String field) {
    map.forEach(
        (key, value) -> {
          if (value == null) {
            throw new IllegalArgumentException("'" + field + "." + key + "' must be a string");
          }
        });
  }
}
