package dev.flowform.e2e.ci;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fenced code blocks of a Markdown page, each with its language and the file it is for. */
final class DocBlocks {
  private static final Pattern FILE = Pattern.compile("`([^`\\s]+\\.ya?ml)`");

  private DocBlocks() {}

  /**
   * One fenced block.
   *
   * @param language what follows the opening fence ({@code sh}, {@code yaml}, ...)
   * @param file the last {@code `*.yml`} named in the paragraph before it, or "" when none
   * @param text the block's lines
   * @param line the line of its opening fence (1-based)
   */
  record Block(String language, String file, String text, int line) {
    String firstLine() {
      return text.lines().findFirst().orElse("");
    }
  }

  static List<Block> of(String markdown) {
    List<Block> blocks = new ArrayList<>();
    String[] lines = markdown.split("\n", -1);
    String paragraph = "";
    boolean ended = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.startsWith("```")) {
        int start = i;
        StringBuilder text = new StringBuilder();
        for (i++; i < lines.length && !lines[i].startsWith("```"); i++) {
          text.append(lines[i]).append('\n');
        }
        blocks.add(
            new Block(line.substring(3).strip(), file(paragraph), text.toString(), start + 1));
        paragraph = "";
      } else if (line.startsWith("#")) {
        paragraph = "";
      } else if (line.isBlank()) {
        ended = true;
      } else {
        paragraph = (ended ? "" : paragraph) + line + "\n";
        ended = false;
      }
    }
    return blocks;
  }

  private static String file(String paragraph) {
    Matcher matcher = FILE.matcher(paragraph);
    String found = "";
    while (matcher.find()) {
      found = matcher.group(1);
    }
    return found;
  }
}
