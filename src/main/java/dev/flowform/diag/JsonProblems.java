package dev.flowform.diag;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's account of what is wrong in a file, with the file's content left out: Jackson quotes
 * the token it stopped at ({@code Unrecognized token 'AbcSECRET...'}), and a file given by mistake
 * may be a secret. Quoted tokens and numbers are replaced by their length; only Jackson's own words
 * ({@code 'null'}, {@code 'true'}, ...), single characters and the names of fields (in a file that
 * is a JSON object, so no secret file given by mistake) stay, and these pass the scrubber.
 */
public final class JsonProblems {
  private static final Pattern QUOTED = Pattern.compile("'([^'\\n]*)'|\"([^\"\\n]*)\"");
  private static final Pattern TOKEN = Pattern.compile("(token )'(.*)'(: was expecting)");
  private static final Pattern SOURCE =
      Pattern.compile("\\[Source: .*; line: (\\d+), column: (\\d+)\\]");
  private static final Pattern NUMBER = Pattern.compile("\\(([-+0-9.eE]{2,})\\)");
  private static final Set<String> KEPT =
      Set.of("null", "true", "false", "NaN", "Infinity", "+Infinity", "-Infinity", "formatVersion");
  private static final int MAX_LENGTH = 200;

  private JsonProblems() {}

  /** The first line of Jackson's message, without any token of the file longer than a character. */
  public static String describe(JsonProcessingException e) {
    return describe(e, new Scrubber());
  }

  /**
   * As {@link #describe(JsonProcessingException)}, with what is left passed through {@code
   * scrubber}.
   */
  public static String describe(JsonProcessingException e, Scrubber scrubber) {
    return scrubber.scrub(withoutContent(e.getOriginalMessage()));
  }

  /** As {@link #withoutContent(String)}, with what is left passed through {@code scrubber}. */
  public static String withoutContent(String message, Scrubber scrubber) {
    return scrubber.scrub(withoutContent(message));
  }

  /** {@code message} (its first line) with quoted tokens and numbers replaced by their length. */
  public static String withoutContent(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    line =
        TOKEN
            .matcher(line)
            .replaceAll(
                m ->
                    Matcher.quoteReplacement(
                        m.group(1) + "of " + m.group(2).length() + " characters" + m.group(3)));
    line = SOURCE.matcher(line).replaceAll("[line: $1, column: $2]");
    Matcher quoted = QUOTED.matcher(line);
    StringBuilder out = new StringBuilder();
    while (quoted.find()) {
      String token = quoted.group(1) != null ? quoted.group(1) : quoted.group(2);
      String kept =
          token.length() <= 1
                  || KEPT.contains(token)
                  || line.startsWith("field ", Math.max(0, quoted.start() - 6))
              ? quoted.group()
              : "(" + token.length() + " characters, not shown)";
      quoted.appendReplacement(out, Matcher.quoteReplacement(kept));
    }
    quoted.appendTail(out);
    String result =
        NUMBER.matcher(out).replaceAll(m -> "(" + m.group(1).length() + " characters, not shown)");
    return result.length() <= MAX_LENGTH ? result : result.substring(0, MAX_LENGTH) + "...";
  }
}
