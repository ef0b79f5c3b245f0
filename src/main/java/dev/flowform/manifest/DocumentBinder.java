package dev.flowform.manifest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.flowform.diag.Background;
import dev.flowform.diag.Diagnostic;
import dev.flowform.manifest.doc.ManifestDocument;
import dev.flowform.manifest.doc.SourceMap;
import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Binds a (possibly interpolated) tree to a document record with one shared ObjectMapper. Every
 * unknown field and every wrong type is reported, not only the first: a node of the wrong type is
 * reported, dropped, and binding tried again; unknown fields are found by walking the tree beside
 * the record types.
 */
final class DocumentBinder {
  private static final int MAX_ATTEMPTS = 64;
  private final CompletableFuture<ObjectMapper> mapper;
  private final UnknownFields unknownFields = new UnknownFields();

  /**
   * Starts building the mapper on another thread (the files are read meanwhile), and then the
   * deserializers of {@code types}, which the first binding of each would otherwise build on the
   * thread that binds; those of {@code later} once it tells them (after the files are read).
   */
  DocumentBinder(
      Collection<Class<?>> types, CompletionStage<? extends Collection<Class<?>>> later) {
    List<Class<?>> warm = List.copyOf(types);
    // the mapper caches what it builds, and a binding meanwhile shares it
    mapper =
        Background.start(
            "flowform-binder-bootstrap",
            DocumentBinder::mapper,
            ready -> warm.forEach(ready::readerFor));
    // a lambda, not ObjectMapper::readerFor: a method reference links ObjectMapper (verifying
    // it loads much of Jackson) on this thread, which the bootstrap is loading meanwhile
    Background.later("flowform-binder-warm", mapper, later, (ready, type) -> ready.readerFor(type));
  }

  private static ObjectMapper mapper() {
    ObjectMapper built =
        new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    built
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return built;
  }

  /**
   * What binding gave: the record (bound from what was left after dropping nodes of the wrong type,
   * so its other fields can still be checked), the dropped pointers, and whether it is clean.
   */
  record Binding<T>(Optional<T> value, Set<String> dropped, boolean clean) {
    boolean covers(String pointer) {
      return dropped.stream().anyMatch(d -> pointer.equals(d) || pointer.startsWith(d + "/"));
    }
  }

  /** Binds, adding every unknown field and wrong type to {@code problems}. */
  <T> Binding<T> bind(
      ManifestDocument document, ObjectNode tree, Class<T> type, List<Diagnostic> problems) {
    SourceMap sources = document.sources();
    ObjectNode current = tree;
    Set<String> dropped = new HashSet<>();
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      try {
        T value = mapper.join().treeToValue(current, type);
        List<Diagnostic> unknown = unknownFields.find(current, type, sources);
        problems.addAll(unknown);
        return new Binding<>(Optional.of(value), dropped, dropped.isEmpty() && unknown.isEmpty());
      } catch (MismatchedInputException e) {
        String pointer = pointer(e);
        if (pointer.isEmpty() || current.at(pointer).isMissingNode()) {
          problems.addAll(unknownFields.find(current, type, sources));
          break;
        }
        problems.add(
            Diagnostic.error(
                sources.position(pointer), wrongType(e, current.at(pointer), pointer)));
        if (current == tree) {
          current = tree.deepCopy();
        }
        remove(current, pointer);
        dropped.add(pointer);
      } catch (IOException e) {
        problems.add(
            Diagnostic.error(sources.position(pointer(e)), "cannot read: " + e.getMessage()));
        break;
      }
    }
    return new Binding<>(Optional.empty(), dropped, false);
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
      object.remove(SourceMap.unescape(last));
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
}
