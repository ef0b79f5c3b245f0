package dev.flowform.manifest.doc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The syntax of references inside string scalars: {@code ${env:NAME}}, {@code ${file:PATH}},
 * {@code ${var:NAME}}, and {@code $${} for a literal {@code ${}. Parsing only; resolving is the
 * interpolator's job.
 */
public final class References {
  public static final Set<String> SCHEMES = Set.of("env", "file", "var");

  private References() {}

  /** One piece of a scalar: literal text, or a reference starting at {@code offset}. */
  public sealed interface Part {}

  public record Literal(String text) implements Part {}

  /** {@code ${scheme:argument}} at {@code offset} in the scalar; {@code text} is the whole ref. */
  public record Ref(String scheme, String argument, String text, int offset) implements Part {}

  /** A reference that does not parse: unknown scheme, no closing brace, empty argument. */
  public record Malformed(String message, String hint, int offset) implements Part {}

  /** Splits a scalar into its parts, in order. */
  public static List<Part> parse(String value) {
    List<Part> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < value.length()) {
      if (value.startsWith("$${", i)) {
        literal.append("${");
        i += 3;
      } else if (value.startsWith("${", i)) {
        if (!literal.isEmpty()) {
          parts.add(new Literal(literal.toString()));
          literal.setLength(0);
        }
        int close = value.indexOf('}', i + 2);
        if (close < 0) {
          parts.add(new Malformed("unterminated reference", "close it with '}'", i));
          return parts;
        }
        parts.add(reference(value.substring(i, close + 1), i));
        i = close + 1;
      } else {
        literal.append(value.charAt(i));
        i++;
      }
    }
    if (!literal.isEmpty()) {
      parts.add(new Literal(literal.toString()));
    }
    return parts;
  }

  private static Part reference(String text, int offset) {
    String body = text.substring(2, text.length() - 1);
    int colon = body.indexOf(':');
    if (colon < 0) {
      return new Malformed(
          "reference '" + text + "' has no scheme",
          "use ${env:NAME}, ${file:PATH} or ${var:NAME}; $${ is a literal ${",
          offset);
    }
    String scheme = body.substring(0, colon);
    String argument = body.substring(colon + 1).trim();
    if (!SCHEMES.contains(scheme)) {
      return new Malformed(
          "unknown reference scheme '" + scheme + "' in '" + text + "'",
          "use env, file or var",
          offset);
    }
    if (argument.isEmpty()) {
      return new Malformed("reference '" + text + "' names nothing", null, offset);
    }
    return new Ref(scheme, argument, text, offset);
  }

  /** True when the scalar holds at least one {@code ${env:}} or {@code ${file:}} reference. */
  public static boolean hasSecretSource(String value) {
    return value != null
        && parse(value).stream().anyMatch(p -> p instanceof Ref r && !r.scheme().equals("var"));
  }

  /**
   * True when the scalar is made of {@code ${env:}} and {@code ${file:}} references only: no
   * literal text around them and no {@code ${var:}}, which are not secret. A malformed reference
   * counts as one (it is reported as malformed instead).
   */
  public static boolean isSecretSourcesOnly(String value) {
    List<Part> parts = parse(value);
    return !parts.isEmpty()
        && parts.stream()
            .allMatch(
                p -> p instanceof Malformed || (p instanceof Ref r && !r.scheme().equals("var")));
  }

  /** True when the scalar holds any reference (well formed or not). */
  public static boolean hasAny(String value) {
    return value != null
        && parse(value).stream().anyMatch(p -> p instanceof Ref || p instanceof Malformed);
  }
}
