package dev.flowform.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Help that wraps at spaces only. Picocli wraps with a line break iterator, which breaks inside
 * words at a period or a slash ({@code e.} / {@code g. 30s}, {@code prod.} / {@code plan}, URLs);
 * here each section is laid out unwrapped and wrapped again at the help's width (the terminal's), a
 * word longer than a line standing alone on its line rather than cut.
 */
final class HelpWrap {
  private static final int UNWRAPPED = 10_000;
  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
  private static final Pattern WORD = Pattern.compile("(\\S+)(\\s*)");
  private static final Pattern TABLE_ROW = Pattern.compile("^(\\s*\\S.*?\\s{2,})\\S");
  private static final List<String> SECTIONS =
      List.of(
          CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER,
          UsageMessageSpec.SECTION_KEY_DESCRIPTION,
          UsageMessageSpec.SECTION_KEY_PARAMETER_LIST,
          UsageMessageSpec.SECTION_KEY_OPTION_LIST,
          UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
          UsageMessageSpec.SECTION_KEY_FOOTER);
  private static final List<String> TABLES =
      List.of(
          UsageMessageSpec.SECTION_KEY_PARAMETER_LIST,
          UsageMessageSpec.SECTION_KEY_OPTION_LIST,
          UsageMessageSpec.SECTION_KEY_COMMAND_LIST);

  private HelpWrap() {}

  /** Makes {@code command} and every command under it wrap their help at spaces. */
  static void install(CommandLine command) {
    Map<String, IHelpSectionRenderer> sections = command.getHelpSectionMap();
    for (String key : SECTIONS) {
      IHelpSectionRenderer picocli = sections.get(key);
      if (picocli != null) {
        boolean table = TABLES.contains(key);
        sections.put(key, help -> unwrappedThenWrapped(help, picocli, table));
      }
    }
    IHelpSectionRenderer synopsis = sections.get(UsageMessageSpec.SECTION_KEY_SYNOPSIS);
    sections.put(UsageMessageSpec.SECTION_KEY_SYNOPSIS, help -> synopsis(help, synopsis));
    command.setHelpSectionMap(sections);
    command.getSubcommands().values().forEach(HelpWrap::install);
  }

  private static String unwrappedThenWrapped(
      Help help, IHelpSectionRenderer picocli, boolean table) {
    int width = help.commandSpec().usageMessage().width();
    return wrap(unwrapped(help, picocli), width, table);
  }

  /** The section as picocli lays it out on lines as long as it needs. */
  private static String unwrapped(Help help, IHelpSectionRenderer picocli) {
    UsageMessageSpec usage = help.commandSpec().usageMessage();
    int width = usage.width();
    boolean auto = usage.autoWidth();
    usage.autoWidth(false).width(UNWRAPPED);
    try {
      return picocli.render(help);
    } finally {
      usage.width(width).autoWidth(auto);
    }
  }

  /**
   * The synopsis, which follows its heading ({@code Usage: }) on the same line and goes on under
   * its first option, as picocli lays it out.
   */
  private static String synopsis(Help help, IHelpSectionRenderer picocli) {
    int width = help.commandSpec().usageMessage().width();
    String heading = help.synopsisHeading();
    String text = unwrapped(help, picocli);
    int indent = visible(heading) + help.commandSpec().qualifiedName().length() + 1;
    StringBuilder out = new StringBuilder();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = i == 0 ? heading + lines[i] : lines[i];
      String wrapped =
          visible(line) <= width ? line : String.join("\n", wrapped(line, width, indent));
      out.append(i == 0 ? wrapped.substring(heading.length()) : wrapped);
      if (i + 1 < lines.length) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  /**
   * Wraps each line longer than {@code width} at spaces. A row of a table (names, then the
   * description after two spaces or more) goes on under its description, two further in; other
   * lines go on at their own indent. An example ({@code flowform ...}) is left whole.
   */
  static String wrap(String text, int width, boolean table) {
    StringBuilder out = new StringBuilder();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (visible(line) <= width || isExample(line)) {
        out.append(line);
      } else {
        out.append(String.join("\n", wrapped(line, width, table)));
      }
      if (i + 1 < lines.length) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static List<String> wrapped(String line, int width, boolean table) {
    int lead = line.length() - line.stripLeading().length();
    int indent = lead;
    Matcher row = TABLE_ROW.matcher(line);
    if (table && row.find()) {
      indent = visible(row.group(1)) + 2;
    } else if (table) {
      indent = lead + 2;
    }
    return wrapped(line, width, indent);
  }

  /** The line cut at spaces into lines of {@code width}, each after the first {@code indent} in. */
  private static List<String> wrapped(String line, int width, int indent) {
    int lead = line.length() - line.stripLeading().length();
    List<String> out = new ArrayList<>();
    Matcher words = WORD.matcher(line.substring(lead));
    StringBuilder current = new StringBuilder(line.substring(0, lead));
    String gap = "";
    boolean first = true;
    while (words.find()) {
      String word = words.group(1);
      if (!first && visible(current + gap + word) > width) {
        out.add(current.toString());
        current = new StringBuilder(" ".repeat(indent)).append(word);
      } else {
        current.append(first ? "" : gap).append(word);
      }
      gap = words.group(2);
      first = false;
    }
    out.add(current.toString());
    return out;
  }

  /** An example command line stays whole, to be copied as one; the terminal folds it. */
  private static boolean isExample(String line) {
    return line.strip().startsWith("flowform ");
  }

  private static int visible(String text) {
    return ANSI.matcher(text).replaceAll("").length();
  }
}
