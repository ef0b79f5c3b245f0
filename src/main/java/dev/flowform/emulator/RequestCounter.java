package dev.flowform.emulator;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** How many requests came, by method and path template: {@code POST /.../connections}. */
final class RequestCounter {
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  void count(String method, String path) {
    counts.computeIfAbsent(key(method, path), k -> new LongAdder()).increment();
  }

  long get(String method, String path) {
    LongAdder count = counts.get(key(method, path));
    return count == null ? 0 : count.sum();
  }

  /** Every count so far, sorted by key. */
  Map<String, Long> snapshot() {
    Map<String, Long> snapshot = new TreeMap<>();
    counts.forEach((key, count) -> snapshot.put(key, count.sum()));
    return Map.copyOf(snapshot);
  }

  static String key(String method, String path) {
    return method.toUpperCase(Locale.ROOT) + " " + path;
  }
}
