package dev.flowform.e2e.ci;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub Actions' {@code ${{ name }}} expressions, looked up in a table of test values: a name the
 * table lacks fails the test, so a recipe cannot use a variable nobody defined.
 */
final class Expressions {
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(.+?)\\s*}}");

  private final Map<String, String> values;

  Expressions(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /** These values and {@code more} (which win). */
  Expressions with(Map<String, String> more) {
    Map<String, String> all = new HashMap<>(values);
    all.putAll(more);
    return new Expressions(all);
  }

  String expand(String text) {
    Matcher matcher = EXPRESSION.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null) {
        throw new AssertionError("the recipe uses ${{ " + matcher.group(1) + " }}: no test value");
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
