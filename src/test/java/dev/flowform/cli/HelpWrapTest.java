package dev.flowform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Help wraps at words: at every width, no line of any command's help ends inside a word of its text
 * (a URL, a path, {@code e.g.}, a hyphenated word), and help follows the terminal's width.
 */
class HelpWrapTest {
  private static final List<Integer> WIDTHS = List.of(55, 80, 100, 160);

  private static void eachCommand(CommandLine command, Consumer<CommandLine> visit) {
    Set<CommandLine> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    List<CommandLine> todo = new ArrayList<>(List.of(command));
    while (!todo.isEmpty()) {
      CommandLine next = todo.remove(todo.size() - 1);
      if (seen.add(next)) {
        visit.accept(next);
        todo.addAll(next.getSubcommands().values());
      }
    }
  }

  /**
   * Every word a command's help is written with, as written (the help laid out on one long line
   * adds the synopsis and the option names).
   */
  private static Set<String> words(CommandSpec spec) {
    List<String> texts = new ArrayList<>();
    texts.addAll(Arrays.asList(spec.usageMessage().description()));
    texts.addAll(Arrays.asList(spec.usageMessage().header()));
    texts.addAll(Arrays.asList(spec.usageMessage().footer()));
    for (ArgSpec arg : spec.args()) {
      texts.addAll(Arrays.asList(arg.description()));
    }
    Set<String> words = new HashSet<>();
    for (String text : texts) {
      for (String word : text.split("\\s+")) {
        if (!word.isEmpty() && !word.contains("${") && !word.contains("%n")) {
          words.add(word);
        }
      }
    }
    return words;
  }

  /** The words broken across two lines: a line's last piece and the next line's first. */
  static List<String> broken(String help, Set<String> words) {
    List<String> out = new ArrayList<>();
    String[] lines = help.split("\n");
    for (int i = 0; i + 1 < lines.length; i++) {
      String[] end = lines[i].strip().split("\\s+");
      String[] start = lines[i + 1].strip().split("\\s+");
      String last = end[end.length - 1];
      String first = start[0];
      String joined = last + first;
      if (!last.isEmpty()
          && !first.isEmpty()
          && words.contains(joined)
          && !(words.contains(last) && words.contains(first))) {
        out.add(last + " / " + first);
      }
    }
    return out;
  }

  @Test
  void noLineOfAnyCommandsHelpBreaksAWord() {
    CommandLine tree = DocsRecipesTest.tree();
    List<String> problems = new ArrayList<>();
    eachCommand(
        tree,
        command -> {
          Set<String> words = words(command.getCommandSpec());
          command.setUsageHelpAutoWidth(false);
          command.setUsageHelpWidth(10_000);
          words.addAll(Arrays.asList(command.getUsageMessage().split("\\s+")));
          for (int width : WIDTHS) {
            command.setUsageHelpAutoWidth(false);
            command.setUsageHelpWidth(width);
            for (String split : broken(command.getUsageMessage(), words)) {
              problems.add(
                  command.getCommandSpec().qualifiedName() + " at " + width + ": " + split);
            }
          }
        });
    assertEquals(List.of(), problems);
  }

  @Test
  void theCheckFindsAnEgBrokenAtItsPeriod() {
    Set<String> words = Set.of("failing,", "e.g.", "30s", "https://example.com/a/b");

    assertEquals(List.of("e. / g."), broken("  before failing, e.\n  g. 30s\n", words));
    assertEquals(
        List.of("https://example.com/a/ / b"), broken("see https://example.com/a/\n b\n", words));
  }

  @Test
  void helpFollowsTheTerminalsWidth() {
    List<String> fixed = new ArrayList<>();
    eachCommand(
        DocsRecipesTest.tree(),
        command -> {
          if (!command.isUsageHelpAutoWidth()) {
            fixed.add(command.getCommandSpec().qualifiedName());
          }
        });
    assertTrue(fixed.isEmpty(), fixed.toString());
  }
}
