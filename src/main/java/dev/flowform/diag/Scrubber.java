package dev.flowform.diag;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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

  private final Set<String> secrets = new LinkedHashSet<>();
  private volatile Index index = new Index(Map.of(), new boolean[0]);

  /** The forms by first character, longest first, and which characters start one. */
  private record Index(Map<Character, List<String>> byFirst, boolean[] starts) {}

  /** A scrubber that knows no secret yet. */
  public Scrubber() {}

  /** Adds a secret value: from now on it and its forms are scrubbed. Null and short are ignored. */
  public void add(String secret) {
    if (secret == null || secret.length() < MIN_LENGTH) {
      return;
    }
    synchronized (secrets) {
      if (!secrets.add(secret)) {
        return;
      }
      List<String> all = new ArrayList<>();
      for (String known : secrets) {
        for (String form : SecretForms.of(known)) {
          if (form.equals(known) || form.length() >= MIN_FORM_LENGTH) {
            all.add(form);
          }
        }
      }
      all.sort(Comparator.comparingInt(String::length).reversed());
      Map<Character, List<String>> byFirst = new HashMap<>();
      for (String form : new LinkedHashSet<>(all)) {
        byFirst.computeIfAbsent(form.charAt(0), c -> new ArrayList<>()).add(form);
      }
      byFirst.replaceAll((c, list) -> List.copyOf(list));
      boolean[] first = new boolean[Character.MAX_VALUE + 1];
      byFirst.keySet().forEach(c -> first[c] = true);
      index = new Index(Map.copyOf(byFirst), first);
    }
  }

  /** True when no secret has been added. */
  public boolean isEmpty() {
    return index.byFirst().isEmpty();
  }

  /** The text with every known secret form replaced by {@value #MASK}, in one pass. */
  public String scrub(String text) {
    Index current = index;
    Map<Character, List<String>> known = current.byFirst();
    boolean[] first = current.starts();
    if (text == null || known.isEmpty() || text.isEmpty()) {
      return text;
    }
    StringBuilder out = null;
    int copied = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int length = first[c] ? matchAt(text, i, known.get(c)) : 0;
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

  /**
   * The length of the secret form at {@code i}, or of a secret form's beginning of at least {@value
   * #MIN_FORM_LENGTH} characters cut off by a {@code ...} or {@code …} (a shortened message); 0.
   */
  private static int matchAt(String text, int i, List<String> candidates) {
    for (String candidate : candidates) {
      if (text.startsWith(candidate, i)) {
        return candidate.length();
      }
    }
    for (String candidate : candidates) {
      int common = 0;
      int max = Math.min(candidate.length(), text.length() - i);
      while (common < max && text.charAt(i + common) == candidate.charAt(common)) {
        common++;
      }
      if (common >= MIN_FORM_LENGTH
          && (text.startsWith("...", i + common) || text.startsWith("\u2026", i + common))) {
        return common;
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
