package dev.flowform.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowform.diag.Diagnostic;
import dev.flowform.diag.InputFile;
import dev.flowform.diag.SourcePosition;
import dev.flowform.manifest.doc.ManifestDocument;
import dev.flowform.manifest.doc.SourceMap;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the documents of one YAML file into raw trees with positions. Empty documents are skipped;
 * a syntax error ends the file with a diagnostic at the place SnakeYAML names.
 */
final class YamlReader {
  /**
   * The largest manifest file read: thousands of connections. A larger one is refused before
   * parsing, at the line and column where it crosses the limit, instead of taking minutes to fail.
   */
  static final int MAX_BYTES = 1024 * 1024;

  /**
   * The longest line read. SnakeYAML takes time that grows with the square of a one-line scalar's
   * length (seconds for a million characters); no manifest line comes near this.
   */
  static final int MAX_LINE = 16 * 1024;

  /** How deep mappings and lists may nest; a manifest needs five levels. */
  static final int MAX_NESTING = 32;

  private final LoaderOptions options = new LoaderOptions();
  private final Resolver resolver = new PlainResolver();
  private final DisplayPath display;
  private final List<String> kinds;

  /** Thread-safe: each file gets its own parser and composer; the resolver is only read. */
  YamlReader(DisplayPath display, List<String> kinds) {
    this.kinds = List.copyOf(kinds);
    options.setProcessComments(false);
    options.setCodePointLimit(MAX_BYTES);
    options.setNestingDepthLimit(MAX_NESTING);
    options.setMaxAliasesForCollections(10);
    this.display = display;
  }

  List<ManifestDocument> read(Path file, List<Diagnostic> problems) {
    String shown = display.of(file);
    List<ManifestDocument> documents = new ArrayList<>();
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(ByteBuffer.wrap(InputFile.read(file, MAX_BYTES)))
              .toString();
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      int[] longLine = longLine(text);
      if (longLine != null) {
        problems.add(
            Diagnostic.error(
                new SourcePosition(shown, longLine[0], MAX_LINE + 1),
                "this line is longer than " + MAX_LINE + " characters, the limit; read no further",
                "no manifest value needs such a line: a connection's name is at most 256 characters, its"
                    + " description 1024"));
        return documents;
      }
      Composer composer =
          new Composer(
              new ParserImpl(new StreamReader(new StringReader(text)), options), resolver, options);
      while (composer.checkNode()) {
        document(file, shown, composer.getNode(), problems).ifPresent(documents::add);
      }
    } catch (MarkedYAMLException e) {
      problems.add(Diagnostic.error(at(shown, e), "invalid YAML: " + describe(e)));
    } catch (YAMLException e) {
      problems.add(
          Diagnostic.error(SourcePosition.ofFile(shown), "invalid YAML: " + e.getMessage()));
    } catch (CharacterCodingException e) {
      problems.add(Diagnostic.error(SourcePosition.ofFile(shown), "not UTF-8 text"));
    } catch (InputFile.RefusedException e) {
      problems.add(
          Diagnostic.error(
              new SourcePosition(shown, e.line(), e.column()),
              "this manifest " + e.getMessage(),
              "split it into several files"));
    } catch (AccessDeniedException e) {
      problems.add(
          Diagnostic.error(SourcePosition.ofFile(shown), "cannot read file: permission denied"));
    } catch (IOException e) {
      problems.add(
          Diagnostic.error(
              SourcePosition.ofFile(shown), "cannot read file: " + e.getClass().getSimpleName()));
    }
    return documents;
  }

  /** The 1-based number of the first line longer than {@link #MAX_LINE}, as {line}; or null. */
  private static int[] longLine(String text) {
    int line = 1;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        if (i - start > MAX_LINE) {
          return new int[] {line};
        }
        line++;
        start = i + 1;
      }
    }
    return null;
  }

  private java.util.Optional<ManifestDocument> document(
      Path file, String shown, Node root, List<Diagnostic> problems) {
    if (root == null || (root instanceof ScalarNode s && Tag.NULL.equals(s.getTag()))) {
      return java.util.Optional.empty();
    }
    SourceMap sources = new SourceMap(shown);
    if (!(root instanceof MappingNode)) {
      Mark mark = root.getStartMark();
      problems.add(
          Diagnostic.error(
              new SourcePosition(shown, mark.getLine() + 1, mark.getColumn() + 1),
              "a manifest must be a mapping with apiVersion, kind, metadata and spec"));
      return java.util.Optional.empty();
    }
    JsonNode tree = new NodeConverter(sources, problems).convert(root, "", null);
    return Headers.check(file, (ObjectNode) tree, sources, kinds, problems);
  }

  private static SourcePosition at(String shown, MarkedYAMLException e) {
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    if (mark == null) {
      return SourcePosition.ofFile(shown);
    }
    return new SourcePosition(shown, mark.getLine() + 1, mark.getColumn() + 1);
  }

  private static String describe(MarkedYAMLException e) {
    return e.getProblem() == null ? "syntax error" : e.getProblem();
  }
}
