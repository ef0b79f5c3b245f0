package dev.flowform.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowform.diag.Diagnostic;
import dev.flowform.diag.SourcePosition;
import dev.flowform.manifest.doc.ManifestDocument;
import dev.flowform.manifest.doc.SourceMap;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
  private final LoaderOptions options = new LoaderOptions();
  private final Resolver resolver = new Resolver();
  private final DisplayPath display;

  /** Thread-safe: each file gets its own parser and composer; the resolver is only read. */
  YamlReader(DisplayPath display) {
    options.setProcessComments(false);
    this.display = display;
  }

  List<ManifestDocument> read(Path file, List<Diagnostic> problems) {
    String shown = display.of(file);
    List<ManifestDocument> documents = new ArrayList<>();
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
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
    } catch (IOException e) {
      problems.add(
          Diagnostic.error(
              SourcePosition.ofFile(shown), "cannot read file: " + e.getClass().getSimpleName()));
    }
    return documents;
  }

  private static java.util.Optional<ManifestDocument> document(
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
    return Headers.check(file, (ObjectNode) tree, sources, problems);
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
