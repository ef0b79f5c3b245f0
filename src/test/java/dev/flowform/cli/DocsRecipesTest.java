package dev.flowform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every {@code flowform ...} line in a fenced code block of docs/ci.md (and README.md) parses with
 * the real command tree: the docs cannot name a command or flag that does not exist.
 */
class DocsRecipesTest {
  private static final List<Path> DOCS = List.of(Path.of("docs/ci.md"), Path.of("README.md"));

  static CommandLine tree() {
    Terminal terminal =
        new Terminal(
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()),
            new BufferedReader(new StringReader("")),
            false);
    return new Cli(
            new CliContext(terminal, Map.of(), Path.of("."), Clock.systemUTC()),
            CliRun.NEVER_INTERRUPTED)
        .commandLine();
  }

  /**
   * The fenced code blocks of a Markdown file, joined. In {@code text} blocks (terminal
   * transcripts) only the prompted lines ({@code $ ...}) are commands; the rest is output. {@code
   * java -jar target/flowform.jar} counts as {@code flowform}.
   */
  static String fencedBlocks(String markdown) {
    StringBuilder out = new StringBuilder();
    String fence = null;
    boolean transcript = false;
    for (String line : markdown.split("\n", -1)) {
      String strip = line.strip();
      if (fence == null && strip.startsWith("```")) {
        fence = strip.replaceAll("[^`].*", "");
        transcript = strip.substring(fence.length()).strip().equals("text");
      } else if (fence != null && strip.equals(fence)) {
        fence = null;
      } else if (fence != null && !transcript) {
        out.append(line).append('\n');
      } else if (fence != null && strip.startsWith("$ ")) {
        out.append(strip.substring(2)).append('\n');
      }
    }
    return out.toString().replace("java -jar target/flowform.jar", "flowform");
  }

  static Stream<Arguments> documentedCommands() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (Path doc : DOCS) {
      if (Files.exists(doc)) {
        for (List<String> args : CommandLines.in(fencedBlocks(Files.readString(doc)))) {
          out.add(Arguments.of(doc + ": flowform " + String.join(" ", args), args));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documentedCommands")
  void everyDocumentedCommandLineParses(String shown, List<String> args) {
    CommandLine.ParseResult parsed = tree().parseArgs(args.toArray(String[]::new));
    assertTrue(parsed.hasSubcommand() || args.contains("--help"), shown);
  }

  @Test
  void theCiRecipesShowTheCommandsTheyPromise() throws IOException {
    String blocks = fencedBlocks(Files.readString(Path.of("docs/ci.md")));
    List<String> commands =
        CommandLines.in(blocks).stream().map(args -> String.join(" ", args)).toList();
    assertTrue(commands.size() >= 10, commands.toString());
    for (String expected :
        List.of(
            "plan --env X --refresh=false --lock=false --output markdown",
            "status --environments",
            "plan --env X --detailed-exitcode",
            "state migrate --env prod --to postgresql://")) {
      assertTrue(commands.stream().anyMatch(c -> c.startsWith(expected)), expected);
    }
    assertTrue(commands.stream().anyMatch(c -> c.contains("--lock-timeout 10m")));
  }

  @Test
  void aMisspelledFlagIsCaught() {
    List<List<String>> found =
        CommandLines.in("run: flowform plan --env dev --outptu markdown > plan.md\n");
    assertEquals(List.of(List.of("plan", "--env", "dev", "--outptu", "markdown")), found);
    assertThrows(
        CommandLine.ParameterException.class,
        () -> tree().parseArgs(found.get(0).toArray(String[]::new)));
  }

  @Test
  void wordsThatOnlyMentionFlowformAreNotCommands() {
    assertFalse(
        CommandLines.in(
                "git commit -m \"flowform state of dev\"\nexec java -jar flowform.jar \"$@\"\n")
            .stream()
            .anyMatch(args -> !args.isEmpty()));
  }
}
