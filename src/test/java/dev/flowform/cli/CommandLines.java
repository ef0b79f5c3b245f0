package dev.flowform.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds {@code flowform ...} invocations in shell text (docs' fenced blocks, help examples) and
 * splits each into the arguments flowform would get: what follows {@code flowform} up to a
 * redirection, a comment, a pipe or the end of the command.
 */
final class CommandLines {
  private static final Pattern SEPARATORS = Pattern.compile("&&|\\|\\||;|\\||\\$\\(|<\\(");
  private static final Pattern YAML_PREFIX = Pattern.compile("^\\s*(-\\s+)?(run:\\s*)?");
  private static final Pattern GITHUB_EXPRESSION = Pattern.compile("\\$\\{\\{[^}]*}}");

  private CommandLines() {}

  /** Every invocation in the text, each as its arguments (without the word flowform). */
  static List<List<String>> in(String text) {
    List<List<String>> found = new ArrayList<>();
    for (String line : text.replace("\\\n", " ").split("\n")) {
      String command = YAML_PREFIX.matcher(line).replaceFirst("");
      command = GITHUB_EXPRESSION.matcher(command).replaceAll("X");
      for (String segment : SEPARATORS.split(command)) {
        List<String> tokens = tokens(segment.strip());
        while (!tokens.isEmpty() && tokens.get(0).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
          tokens.remove(0);
        }
        if (!tokens.isEmpty() && tokens.get(0).equals("flowform")) {
          found.add(List.copyOf(tokens.subList(1, tokens.size())));
        }
      }
    }
    return found;
  }

  /** Shell-like words: quotes removed, stopping at a redirection, a comment or a closing paren. */
  static List<String> tokens(String segment) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          out.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else if (!inWord && (c == '>' || c == '<' || c == '#')) {
        return out;
      } else if (c == ')') {
        break;
      } else if (!inWord && c == '2' && segment.startsWith("2>", i)) {
        return out;
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      out.add(word.toString());
    }
    return out;
  }
}
