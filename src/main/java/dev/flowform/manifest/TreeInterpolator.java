package dev.flowform.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.flowform.diag.Diagnostic;
import dev.flowform.diag.Severity;
import dev.flowform.manifest.doc.ManifestDocument;
import dev.flowform.manifest.doc.SourceMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Applies an {@link Interpolator} to every string of a document's tree (a copy: the raw tree stays
 * as written), or only checks the syntax of its references when it is not to be resolved.
 */
final class TreeInterpolator {

  /** The interpolated tree, the pointers left unresolved (tolerated), and the errors. */
  record Outcome(ObjectNode tree, Set<String> unresolved, List<Diagnostic> problems) {}

  /**
   * @param interpolator null to check syntax only
   * @param tolerance the values whose failure to resolve is tolerated (raw text kept)
   * @param skip subtrees to leave alone
   */
  static Outcome apply(
      ManifestDocument document,
      Interpolator interpolator,
      Tolerance tolerance,
      Predicate<String> skip) {
    return apply(document, interpolator, tolerance, skip, p -> true);
  }

  /**
   * @param sensitive the pointers of secret fields: any other that reads the source of a secret
   *     gets a warning (its value is treated as a secret too)
   */
  static Outcome apply(
      ManifestDocument document,
      Interpolator interpolator,
      Tolerance tolerance,
      Predicate<String> skip,
      Predicate<String> sensitive) {
    return apply(document, interpolator, tolerance, skip, sensitive, EnvGate.OPEN);
  }

  /**
   * @param gate which environment variables each field may read
   */
  static Outcome apply(
      ManifestDocument document,
      Interpolator interpolator,
      Tolerance tolerance,
      Predicate<String> skip,
      Predicate<String> sensitive,
      EnvGate gate) {
    // syntax checks change nothing: only a tree that gets resolved needs a copy of its own
    ObjectNode copy = interpolator == null ? document.tree() : document.tree().deepCopy();
    Walk walk =
        new Walk(
            document.sources(),
            document.file().toAbsolutePath().getParent(),
            interpolator,
            tolerance,
            skip,
            sensitive,
            gate);
    walk.visit(copy, "");
    return new Outcome(copy, walk.unresolved, walk.problems);
  }

  private static final class Walk {
    private final SourceMap sources;
    private final Path baseDir;
    private final Interpolator interpolator;
    private final Tolerance tolerance;
    private final Predicate<String> skip;
    private final Predicate<String> sensitive;
    private final EnvGate gate;
    private final Set<String> unresolved = new HashSet<>();
    private final List<Diagnostic> problems = new ArrayList<>();

    Walk(
        SourceMap sources,
        Path baseDir,
        Interpolator interpolator,
        Tolerance tolerance,
        Predicate<String> skip,
        Predicate<String> sensitive,
        EnvGate gate) {
      this.gate = gate;
      this.sources = sources;
      this.sensitive = sensitive;
      this.baseDir = baseDir;
      this.interpolator = interpolator;
      this.tolerance = tolerance;
      this.skip = skip;
    }

    void visit(JsonNode node, String pointer) {
      if (node instanceof ObjectNode object) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> field = fields.next();
          String child = pointer + "/" + SourceMap.segment(field.getKey());
          if (skip.test(child)) {
            continue;
          }
          JsonNode replaced = scalar(field.getValue(), child);
          if (replaced != null) {
            field.setValue(replaced);
          } else {
            visit(field.getValue(), child);
          }
        }
      } else if (node instanceof ArrayNode array) {
        for (int i = 0; i < array.size(); i++) {
          JsonNode replaced = scalar(array.get(i), pointer + "/" + i);
          if (replaced != null) {
            array.set(i, replaced);
          } else {
            visit(array.get(i), pointer + "/" + i);
          }
        }
      }
    }

    /** The new value of a text node, or null when the node is no text. */
    private JsonNode scalar(JsonNode node, String pointer) {
      if (!node.isTextual()) {
        return null;
      }
      String raw = node.textValue();
      if (!raw.contains("${")) {
        return node;
      }
      if (interpolator == null) {
        Interpolator.checkSyntax(raw).forEach(f -> report(f, pointer));
        return node;
      }
      Interpolator.Result result = interpolator.interpolate(raw, baseDir, gate, pointer);
      if (result.ok()) {
        // a state URL's references are secret sources themselves (the password may be any part)
        if (result.secretSourced() && !sensitive.test(pointer) && !pointer.equals("/spec/state")) {
          problems.add(
              new Diagnostic(
                  Severity.WARNING,
                  sources.position(pointer),
                  SourceMap.dotted(pointer)
                      + " reads the environment variable or file of a secret: its value is"
                      + " treated as a secret and shows as (sensitive)",
                  gate.secretsHint()));
        }
        return TextNode.valueOf(result.value());
      }
      if (tolerance.tolerates(pointer, raw, result.failures())) {
        unresolved.add(pointer);
        return node;
      }
      result.failures().forEach(f -> report(f, pointer));
      return node;
    }

    private void report(Interpolator.Failure failure, String pointer) {
      problems.add(
          Diagnostic.error(
              sources.positionIn(pointer, failure.offset()), failure.message(), failure.hint()));
    }
  }
}
