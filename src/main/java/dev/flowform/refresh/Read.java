package dev.flowform.refresh;

import java.util.Optional;

/** One read of a bounded parallel batch: its key and the value or the error. */
record Read<T>(String key, Optional<T> value, Optional<RuntimeException> error) {

  static <T> Read<T> ok(String key, T value) {
    return new Read<>(key, Optional.of(value), Optional.empty());
  }

  static <T> Read<T> failed(String key, RuntimeException error) {
    return new Read<>(key, Optional.empty(), Optional.of(error));
  }
}
