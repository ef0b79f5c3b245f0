package dev.flowform.refresh;

import dev.flowform.diag.FlowformException;
import dev.flowform.flowservice.FlowServiceException;
import dev.flowform.flowservice.UnreachableException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The errors of a refresh's reads, reported together: an unreachable host as the one error it is,
 * and the others grouped by kind ({@code 200 reads failed: HTTP 503 ...}), never one line per item.
 */
final class ReadErrors {
  private static final int KINDS_SHOWN = 3;

  private final List<RuntimeException> errors = new ArrayList<>();
  private final List<String> keys = new ArrayList<>();

  void add(String key, RuntimeException error) {
    keys.add(key);
    errors.add(error);
  }

  void addAll(List<? extends Read<?>> reads, String what) {
    for (Read<?> read : reads) {
      read.error().ifPresent(e -> add(what + " " + read.key(), e));
    }
  }

  boolean isEmpty() {
    return errors.isEmpty();
  }

  /**
   * @throws FlowformException when any read failed: the unreachable host's error itself, else the
   *     kinds of failure with how many reads each failed
   */
  void throwIfAny() {
    if (errors.isEmpty()) {
      return;
    }
    for (RuntimeException e : errors) {
      if (e instanceof UnreachableException u) {
        throw u;
      }
    }
    Map<String, List<String>> byKind = new LinkedHashMap<>();
    Map<String, String> hints = new LinkedHashMap<>();
    for (int i = 0; i < errors.size(); i++) {
      RuntimeException e = errors.get(i);
      String kind = kind(e);
      byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(keys.get(i));
      if (e instanceof FlowformException f && f.hint() != null) {
        hints.putIfAbsent(kind, f.hint());
      }
    }
    List<String> parts = new ArrayList<>();
    byKind.entrySet().stream()
        .limit(KINDS_SHOWN)
        .forEach(
            entry -> {
              List<String> items = entry.getValue();
              parts.add(
                  items.size() == 1
                      ? entry.getKey() + " (" + items.get(0) + ")"
                      : items.size()
                          + " reads failed: "
                          + entry.getKey()
                          + " (first: "
                          + items.get(0)
                          + ")");
            });
    if (byKind.size() > KINDS_SHOWN) {
      parts.add((byKind.size() - KINDS_SHOWN) + " other kind(s) of failure");
    }
    String hint = hints.values().stream().findFirst().orElse(null);
    throw new FlowformException(
        "refresh could not read what the platform has: " + String.join("; ", parts),
        (hint == null ? "" : hint + "; ") + "try again; `--refresh=false` plans from state alone");
  }

  /** What failed, without what is particular to one request (its request id, its item). */
  private static String kind(RuntimeException e) {
    if (e instanceof FlowServiceException f) {
      StringBuilder kind = new StringBuilder(f.status() == 0 ? "no answer" : "HTTP " + f.status());
      if (f.code() != null) {
        kind.append(' ').append(f.code());
      }
      if (f.title() != null) {
        kind.append(": ").append(f.title());
      }
      return kind.toString();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
