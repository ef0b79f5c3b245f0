package dev.flowform.diag;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one filter every writer of a run goes through: the terminal's streams, the state, its journal
 * and lock info, saved plans. It is told every secret value the run resolves (manifest secrets, AEP
 * credentials, the IMS token) and replaces each, and each of its encoded forms ({@link
 * SecretForms}), with {@value #MASK} in whatever passes through it, whatever its source: an error
 * message, an answer the platform echoed, a trace.
 *
 * <p>One per run, shared by the threads of that run; values shorter than {@value #MIN_LENGTH}
 * characters are not scrubbed (they would wreck ordinary words), and an encoded form shorter than
 * {@value #MIN_FORM_LENGTH} is not looked for.
 */
public final class Scrubber {
  public static final String MASK = "(sensitive)";
  public static final int MIN_LENGTH = 4;
  public static final int MIN_FORM_LENGTH = 6;

  /** Every secret's forms; guards the fields below too. */
  private final Map<String, List<String>> forms = new LinkedHashMap<>();

  /** The index of {@link #forms}, as of the last build. */
  private volatile Index index = Index.EMPTY;

  /**
   * True when secrets were added since the last build. Adding only marks the index stale; the first
   * scrub after builds it once, whatever was added meanwhile: n secrets added in a row cost one
   * build (O(n log n)), not n.
   */
  private volatile boolean stale;

  private long builds;

  /** Every secret and every form of one that is looked for, for {@link #isSecret}. */
  private final Set<String> known = new java.util.HashSet<>();

  /**
   * The forms by their first two characters, longest first, and which characters can be a form's
   * first and second: most positions of a text are passed over on one array read.
   */
  private record Index(
      Map<Integer, List<String>> byStart, boolean[] firsts, boolean[] pairs, int count) {
    static final Index EMPTY = new Index(Map.of(), new boolean[0], new boolean[0], 0);

    static Index of(Collection<List<String>> forms) {
      Set<String> all = new LinkedHashSet<>();
      forms.forEach(all::addAll);
      List<String> sorted = new ArrayList<>(all);
      sorted.sort(Comparator.comparingInt(String::length).reversed());
      Map<Integer, List<String>> byStart = new HashMap<>();
      boolean[] firsts = new boolean[Character.MAX_VALUE + 1];
      boolean[] pairs = new boolean[1 << 16];
      for (String form : sorted) {
        byStart.computeIfAbsent(key(form, 0), k -> new ArrayList<>()).add(form);
        firsts[form.charAt(0)] = true;
        pairs[pair(form, 0)] = true;
      }
      byStart.replaceAll((k, list) -> List.copyOf(list));
      return new Index(Map.copyOf(byStart), firsts, pairs, sorted.size());
    }

    static int key(String text, int i) {
      return text.charAt(i) << 16 | text.charAt(i + 1);
    }

    /** A 16-bit hash of the two characters at {@code i}: a filter before the map. */
    static int pair(String text, int i) {
      int h = text.charAt(i) * 0x9E37 ^ text.charAt(i + 1) * 0x85EB;
      return (h ^ (h >>> 16)) & 0xFFFF;
    }

    /** The forms that may start at {@code i}, or null. */
    List<String> at(String text, int i) {
      if (i + 1 >= text.length() || !firsts[text.charAt(i)] || !pairs[pair(text, i)]) {
        return null;
      }
      return byStart.get(key(text, i));
    }
  }

  /** A scrubber that knows no secret yet. */
  public Scrubber() {}

  /** Adds a secret value: from now on it and its forms are scrubbed. Null and short are ignored. */
  public void add(String secret) {
    if (secret == null || secret.length() < MIN_LENGTH) {
      return;
    }
    synchronized (forms) {
      if (forms.containsKey(secret)) {
        return;
      }
      List<String> shapes = new ArrayList<>();
      for (String form : SecretForms.of(secret)) {
        if (form.equals(secret) || form.length() >= MIN_FORM_LENGTH) {
          shapes.add(form);
        }
      }
      forms.put(secret, List.copyOf(shapes));
      known.addAll(shapes);
      stale = true;
    }
  }

  /**
   * True when {@code value} is, whole, a secret this scrubber knows or one of its encoded forms:
   * for writers of data with a format (state), which must never hold one and never be rewritten.
   */
  public boolean isSecret(String value) {
    if (value == null || value.length() < MIN_LENGTH) {
      return false;
    }
    synchronized (forms) {
      return known.contains(value);
    }
  }

  /** True when no secret has been added. */
  public boolean isEmpty() {
    return index().count() == 0;
  }

  /** The index of every secret added so far, built when stale. */
  private Index index() {
    if (!stale) {
      return index;
    }
    synchronized (forms) {
      if (stale) {
        index = Index.of(forms.values());
        builds++;
        stale = false;
      }
      return index;
    }
  }

  /** How many times the index was built (for tests that count the work). */
  long builds() {
    synchronized (forms) {
      return builds;
    }
  }

  /** The text with every known secret form replaced by {@value #MASK}, in one pass. */
  public String scrub(String text) {
    Index current = index();
    if (text == null || current.count() == 0 || text.isEmpty()) {
      return text;
    }
    StringBuilder out = null;
    int copied = 0;
    int i = 0;
    int cut = nextCut(text, 0);
    while (i < text.length()) {
      if (cut >= 0 && cut < i) {
        cut = nextCut(text, i);
      }
      List<String> candidates = current.at(text, i);
      int length = candidates == null ? 0 : matchAt(text, i, candidates, cut);
      if (length == 0) {
        i++;
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, copied, i).append(MASK);
      i += length;
      copied = i;
    }
    if (out == null) {
      return text;
    }
    return out.append(text, copied, text.length()).toString();
  }

  /** Where the next {@code ...} or {@code …} (a shortened text's mark) starts, or -1. */
  private static int nextCut(String text, int from) {
    int dots = text.indexOf("...", from);
    int ellipsis = text.indexOf('\u2026', from);
    if (dots < 0 || ellipsis < 0) {
      return Math.max(dots, ellipsis);
    }
    return Math.min(dots, ellipsis);
  }

  /**
   * The length of the secret form at {@code i}, or of a secret form's beginning of at least {@value
   * #MIN_FORM_LENGTH} characters cut off by the mark at {@code cut} (a shortened message); 0.
   */
  private static int matchAt(String text, int i, List<String> candidates, int cut) {
    for (String candidate : candidates) {
      if (text.startsWith(candidate, i)) {
        return candidate.length();
      }
    }
    int kept = cut - i;
    if (cut < 0 || kept < MIN_FORM_LENGTH) {
      return 0;
    }
    for (String candidate : candidates) {
      if (kept < candidate.length() && text.regionMatches(i, candidate, 0, kept)) {
        return kept;
      }
    }
    return 0;
  }

  /** UTF-8 bytes scrubbed the same way (the same array when there was nothing to take out). */
  public byte[] scrub(byte[] utf8) {
    if (isEmpty()) {
      return utf8;
    }
    String text = new String(utf8, StandardCharsets.UTF_8);
    String scrubbed = scrub(text);
    return scrubbed.equals(text) ? utf8 : scrubbed.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A writer that scrubs what it passes on to {@code out}, flushing as {@code out} would (on {@code
   * println}, {@code printf} and {@code flush}): text is held until then, so a secret written in
   * pieces is still found.
   */
  public PrintWriter wrap(PrintWriter out) {
    return new PrintWriter(new ScrubbingWriter(out, this), true);
  }
}
