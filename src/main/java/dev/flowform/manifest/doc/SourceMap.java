package dev.flowform.manifest.doc;

import dev.flowform.diag.SourcePosition;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each node of one YAML document stands, by JSON pointer ({@code /spec/auth/params}): the
 * value, the key that names it, and whether a string's characters map one to one to columns (a
 * single-line scalar without escapes), so a reference inside it can be pointed at exactly.
 */
public final class SourceMap {
  private final String file;
  private final Map<String, Entry> entries = new HashMap<>();

  /** One node: its value's position, its key's position (null for the root and list items). */
  public record Entry(SourcePosition value, SourcePosition key, int contentColumn, boolean exact) {}

  public SourceMap(String file) {
    this.file = file;
  }

  /** The file as shown to the user. */
  public String file() {
    return file;
  }

  public void put(String pointer, Entry entry) {
    entries.put(pointer, entry);
  }

  /** The value at the pointer, else the nearest ancestor that exists (a missing field's parent). */
  public SourcePosition position(String pointer) {
    for (String p = pointer; ; p = parent(p)) {
      Entry entry = entries.get(p);
      if (entry != null) {
        return entry.value();
      }
      if (p.isEmpty()) {
        return SourcePosition.ofFile(file);
      }
    }
  }

  /** The key that names the node at the pointer, else its value's position. */
  public SourcePosition keyPosition(String pointer) {
    Entry entry = entries.get(pointer);
    return entry != null && entry.key() != null ? entry.key() : position(pointer);
  }

  /** Where the character at {@code offset} of a string scalar stands, when that can be told. */
  public SourcePosition positionIn(String pointer, int offset) {
    Entry entry = entries.get(pointer);
    if (entry == null || !entry.exact()) {
      return position(pointer);
    }
    return new SourcePosition(file, entry.value().line(), entry.contentColumn() + offset);
  }

  /** {@code /a/b} to {@code /a}, {@code /a} to the root {@code ""}. */
  public static String parent(String pointer) {
    int slash = pointer.lastIndexOf('/');
    return slash <= 0 ? "" : pointer.substring(0, slash);
  }

  /** Escapes one JSON-pointer segment ({@code ~} and {@code /}). */
  public static String segment(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  /** The name one escaped JSON-pointer segment stands for: the reverse of {@link #segment}. */
  public static String unescape(String segment) {
    return segment.replace("~1", "/").replace("~0", "~");
  }

  /** {@code /spec/auth/params} to {@code spec.auth.params}: how messages name a field. */
  public static String dotted(String pointer) {
    if (pointer.isEmpty()) {
      return "document";
    }
    return pointer.substring(1).replace('/', '.').replace("~1", "/").replace("~0", "~");
  }
}
