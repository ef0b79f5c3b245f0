package dev.flowform.manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.flowform.diag.Diagnostic;
import dev.flowform.manifest.doc.ManifestDocument;
import dev.flowform.manifest.doc.SourceMap;
import dev.flowform.validate.Suggestions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Binds a (possibly interpolated) tree to a document record with one shared ObjectMapper. Every
 * unknown field and every wrong type is reported, not only the first: a node of the wrong type is
 * reported, dropped, and binding tried again.
 */
final class DocumentBinder {
  private static final int MAX_ATTEMPTS = 64;
  private final ObjectMapper mapper;

  DocumentBinder() {
    mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
  }

  /** The bound record, when binding succeeded; problems are added either way. */
  <T> Optional<T> bind(
      ManifestDocument document, ObjectNode tree, Class<T> type, List<Diagnostic> problems) {
    SourceMap sources = document.sources();
    ObjectNode current = tree;
    List<Diagnostic> found = new ArrayList<>();
    List<Diagnostic> lastUnknown = List.of();
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      UnknownFields unknown = new UnknownFields(sources);
      lastUnknown = unknown.problems;
      try {
        T value = mapper.readerFor(type).withHandler(unknown).treeToValue(current, type);
        found.addAll(unknown.problems);
        problems.addAll(found);
        return found.isEmpty() ? Optional.of(value) : Optional.empty();
      } catch (MismatchedInputException e) {
        String pointer = pointer(e);
        if (pointer.isEmpty() || current.at(pointer).isMissingNode()) {
          break;
        }
        found.add(
            Diagnostic.error(
                sources.position(pointer), wrongType(e, current.at(pointer), pointer)));
        if (current == tree) {
          current = tree.deepCopy();
        }
        remove(current, pointer);
      } catch (IOException e) {
        found.add(Diagnostic.error(sources.position(pointer(e)), "cannot read: " + e.getMessage()));
        break;
      }
    }
    problems.addAll(found);
    problems.addAll(lastUnknown);
    return Optional.empty();
  }

  private static String pointer(IOException e) {
    if (!(e instanceof JsonMappingException mapping)) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference ref : mapping.getPath()) {
      out.append('/');
      out.append(
          ref.getFieldName() != null ? SourceMap.segment(ref.getFieldName()) : ref.getIndex());
    }
    return out.toString();
  }

  private static void remove(ObjectNode root, String pointer) {
    JsonNode parent = root.at(SourceMap.parent(pointer));
    String last = pointer.substring(pointer.lastIndexOf('/') + 1);
    if (parent instanceof ObjectNode object) {
      object.remove(last.replace("~1", "/").replace("~0", "~"));
    } else if (parent instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
      array.remove(Integer.parseInt(last));
    }
  }

  private static String wrongType(MismatchedInputException e, JsonNode actual, String pointer) {
    Class<?> target = e.getTargetType();
    String expected;
    if (target == null || target == String.class) {
      expected = "text";
    } else if (java.util.Collection.class.isAssignableFrom(target)) {
      expected = "a list";
    } else {
      expected = "a mapping";
    }
    return SourceMap.dotted(pointer) + " must be " + expected + ", not " + describe(actual);
  }

  static String describe(JsonNode node) {
    if (node.isNumber()) {
      return "a number (put it in quotes)";
    }
    if (node.isBoolean()) {
      return "true/false (put it in quotes)";
    }
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a list";
    }
    return node.isNull() ? "empty" : "text";
  }

  /** Collects every unknown field, with a hint, and skips it. */
  private static final class UnknownFields extends DeserializationProblemHandler {
    private final SourceMap sources;
    private final List<Diagnostic> problems = new ArrayList<>();

    UnknownFields(SourceMap sources) {
      this.sources = sources;
    }

    @Override
    public boolean handleUnknownProperty(
        DeserializationContext context,
        JsonParser parser,
        JsonDeserializer<?> deserializer,
        Object beanOrClass,
        String name)
        throws IOException {
      String pointer = parser.getParsingContext().pathAsPointer().toString();
      TreeSet<String> known = new TreeSet<>();
      deserializer.getKnownPropertyNames().forEach(k -> known.add(String.valueOf(k)));
      String where = SourceMap.parent(pointer);
      String message =
          "unknown field '"
              + name
              + "'"
              + (where.isEmpty() ? "" : " in " + SourceMap.dotted(where));
      String hint =
          Suggestions.didYouMean(name, known).orElse("known: " + String.join(", ", known));
      problems.add(Diagnostic.error(sources.keyPosition(pointer), message, hint));
      parser.skipChildren();
      return true;
    }
  }
}
