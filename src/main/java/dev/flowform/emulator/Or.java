package dev.flowform.emulator;

import java.util.function.Supplier;

/** Defaults for absent text. */
final class Or {
  private Or() {}

  /** {@code value}, or what {@code fallback} gives when it is null or blank. */
  static String blank(String value, Supplier<String> fallback) {
    return value == null || value.isBlank() ? fallback.get() : value.trim();
  }
}
