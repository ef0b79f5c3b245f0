package dev.flowform.refresh;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names grouped for reads that filter on several names at once ({@code name==A,B,…}): as few reads
 * as can hold them, each of at most {@link #MOST_NAMES} names (and no more than a page holds
 * connections, so that one page answers a read) and {@link #MOST_QUERY_CHARS} encoded characters.
 * So reading by name never sends more requests than listing the sandbox would for these names. A
 * name with a comma cannot be one of several (the platform would read it as two): it is read alone.
 * Each read is keyed by how messages name it. Pure.
 */
record NameBatches(Map<String, List<String>> byKey) {
  static final int MOST_NAMES = 100;
  static final int MOST_QUERY_CHARS = 3000;

  NameBatches {
    byKey = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byKey));
  }

  /**
   * @param pageSize the connections one page holds at most
   */
  static NameBatches of(Collection<String> names, int pageSize) {
    List<String> several = names.stream().filter(n -> n.indexOf(',') < 0).sorted().toList();
    int size = Math.max(1, Math.min(MOST_NAMES, pageSize));
    Map<String, List<String>> byKey = new LinkedHashMap<>();
    List<String> batch = new ArrayList<>();
    int chars = 0;
    for (String name : several) {
      int encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).length() + 1;
      if (!batch.isEmpty() && (batch.size() == size || chars + encoded > MOST_QUERY_CHARS)) {
        byKey.put(key(batch), batch);
        batch = new ArrayList<>();
        chars = 0;
      }
      batch.add(name);
      chars += encoded;
    }
    if (!batch.isEmpty()) {
      byKey.put(key(batch), batch);
    }
    names.stream().filter(n -> n.indexOf(',') >= 0).sorted().forEach(n -> byKey.put(n, List.of(n)));
    return new NameBatches(byKey);
  }

  /** How many reads they take. */
  int reads() {
    return byKey.size();
  }

  private static String key(List<String> batch) {
    return batch.size() == 1 ? batch.get(0) : batch.get(0) + " and " + (batch.size() - 1) + " more";
  }
}
