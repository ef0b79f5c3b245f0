package dev.flowform.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowform.diag.Diagnostic;
import dev.flowform.diag.SourcePosition;
import dev.flowform.manifest.doc.SourceMap;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns a SnakeYAML node tree into a Jackson tree, recording where every node stands. Scalars keep
 * the type YAML resolved for them (so {@code version: 1.0} is a number, not text).
 */
final class NodeConverter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final SourceMap sources;
  private final List<Diagnostic> problems;
  private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());

  NodeConverter(SourceMap sources, List<Diagnostic> problems) {
    this.sources = sources;
    this.problems = problems;
  }

  JsonNode convert(Node node, String pointer, SourcePosition key) {
    SourcePosition at = position(node.getStartMark());
    if (!(node instanceof ScalarNode) && !open.add(node)) {
      // an alias to a collection that holds it: YAML allows it, a manifest cannot be infinite
      sources.put(pointer, new SourceMap.Entry(at, key, at.column(), false));
      problems.add(
          Diagnostic.error(
              key != null ? key : at,
              "alias *" + node.getAnchor() + " refers to a collection that holds it",
              "an alias may only repeat what is outside it"));
      return NODES.nullNode();
    }
    try {
      if (node instanceof MappingNode mapping) {
        sources.put(pointer, new SourceMap.Entry(at, key, at.column(), false));
        return mapping(mapping, pointer);
      }
      if (node instanceof SequenceNode sequence) {
        sources.put(pointer, new SourceMap.Entry(at, key, at.column(), false));
        ArrayNode array = NODES.arrayNode();
        List<Node> items = sequence.getValue();
        for (int i = 0; i < items.size(); i++) {
          array.add(convert(items.get(i), pointer + "/" + i, null));
        }
        return array;
      }
    } finally {
      open.remove(node);
    }
    ScalarNode scalar = (ScalarNode) node;
    sources.put(pointer, scalarEntry(scalar, at, key));
    return scalar(scalar);
  }

  private ObjectNode mapping(MappingNode mapping, String pointer) {
    ObjectNode object = NODES.objectNode();
    List<NodeTuple> merged = new ArrayList<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      SourcePosition keyAt = position(keyNode.getStartMark());
      if (Tag.MERGE.equals(keyNode.getTag())) {
        merged.addAll(mergedTuples(tuple.getValueNode(), keyAt));
        continue;
      }
      if (!(keyNode instanceof ScalarNode keyScalar)) {
        problems.add(Diagnostic.error(keyAt, "a key must be plain text"));
        continue;
      }
      String name = keyScalar.getValue();
      if (object.has(name)) {
        problems.add(
            Diagnostic.error(
                keyAt,
                "duplicate key '" + name + "' in " + SourceMap.dotted(pointer),
                "a key may appear once per mapping"));
        continue;
      }
      object.set(
          name, convert(tuple.getValueNode(), pointer + "/" + SourceMap.segment(name), keyAt));
    }
    // YAML merge keys: a key written in the mapping wins, then the first merged mapping that has it
    for (NodeTuple tuple : merged) {
      String name = ((ScalarNode) tuple.getKeyNode()).getValue();
      if (!object.has(name)) {
        SourcePosition keyAt = position(tuple.getKeyNode().getStartMark());
        object.set(
            name, convert(tuple.getValueNode(), pointer + "/" + SourceMap.segment(name), keyAt));
      }
    }
    return object;
  }

  /**
   * The entries {@code <<} (at {@code key}) brings in: of a mapping, or of each mapping of a list,
   * in order.
   */
  private List<NodeTuple> mergedTuples(Node value, SourcePosition key) {
    List<NodeTuple> out = new ArrayList<>();
    List<Node> sources =
        value instanceof SequenceNode sequence ? sequence.getValue() : List.of(value);
    for (Node source : sources) {
      if (!(source instanceof MappingNode mapping)) {
        problems.add(
            Diagnostic.error(
                position(source.getStartMark()),
                "a merge key (<<) takes a mapping or a list of mappings, not "
                    + (source instanceof SequenceNode ? "a nested list" : "text")));
        continue;
      }
      if (!open.add(mapping)) {
        problems.add(
            Diagnostic.error(
                key, "alias *" + mapping.getAnchor() + " merges a mapping into itself"));
        continue;
      }
      List<NodeTuple> nested = new ArrayList<>();
      for (NodeTuple tuple : mapping.getValue()) {
        Node name = tuple.getKeyNode();
        if (Tag.MERGE.equals(name.getTag())) {
          nested.addAll(mergedTuples(tuple.getValueNode(), position(name.getStartMark())));
        } else if (name instanceof ScalarNode) {
          out.add(tuple);
        }
      }
      open.remove(mapping);
      out.addAll(nested);
    }
    return out;
  }

  private static JsonNode scalar(ScalarNode scalar) {
    Tag tag = scalar.getTag();
    String value = scalar.getValue();
    if (Tag.NULL.equals(tag)) {
      return NODES.nullNode();
    }
    if (Tag.BOOL.equals(tag)) {
      String lower = value.toLowerCase(java.util.Locale.ROOT);
      return NODES.booleanNode(lower.equals("true") || lower.equals("yes") || lower.equals("on"));
    }
    if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
      try {
        return NODES.numberNode(new BigDecimal(value.replace("_", "")));
      } catch (NumberFormatException e) {
        return NODES.numberNode(Double.NaN);
      }
    }
    return NODES.textNode(value);
  }

  private SourceMap.Entry scalarEntry(ScalarNode scalar, SourcePosition at, SourcePosition key) {
    ScalarStyle style = scalar.getScalarStyle();
    boolean quoted = style == ScalarStyle.DOUBLE_QUOTED || style == ScalarStyle.SINGLE_QUOTED;
    boolean plain = style == ScalarStyle.PLAIN;
    Mark start = scalar.getStartMark();
    Mark end = scalar.getEndMark();
    int span = end.getColumn() - start.getColumn() - (quoted ? 2 : 0);
    boolean exact =
        (plain || quoted) && start.getLine() == end.getLine() && span == scalar.getValue().length();
    return new SourceMap.Entry(at, key, at.column() + (quoted ? 1 : 0), exact);
  }

  private SourcePosition position(Mark mark) {
    return new SourcePosition(sources.file(), mark.getLine() + 1, mark.getColumn() + 1);
  }
}
