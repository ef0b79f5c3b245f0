package dev.flowform.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowform.diag.Diagnostic;
import dev.flowform.manifest.doc.SourceMap;
import dev.flowform.manifest.validate.Suggestions;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds every field of a tree that its record type does not have, with a "did you mean" hint. Walks
 * records, and lists of records; other types (text, lists and maps of text) end the walk.
 */
final class UnknownFields {
  private final Map<Class<?>, Map<String, Type>> fields = new ConcurrentHashMap<>();

  List<Diagnostic> find(JsonNode tree, Class<?> type, SourceMap sources) {
    List<Diagnostic> out = new ArrayList<>();
    walk(tree, type, "", sources, out);
    return out;
  }

  private void walk(
      JsonNode node, Type type, String pointer, SourceMap sources, List<Diagnostic> out) {
    if (type instanceof ParameterizedType generic
        && generic.getRawType() == List.class
        && node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), generic.getActualTypeArguments()[0], pointer + "/" + i, sources, out);
      }
      return;
    }
    if (!(type instanceof Class<?> record) || !record.isRecord() || !node.isObject()) {
      return;
    }
    Map<String, Type> known = fields.computeIfAbsent(record, UnknownFields::components);
    Iterator<Map.Entry<String, JsonNode>> entries = node.properties().iterator();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      String child = pointer + "/" + SourceMap.segment(entry.getKey());
      Type fieldType = known.get(entry.getKey());
      if (fieldType == null) {
        out.add(unknown(entry.getKey(), pointer, child, known, sources));
      } else {
        walk(entry.getValue(), fieldType, child, sources, out);
      }
    }
  }

  private static Diagnostic unknown(
      String name, String parent, String child, Map<String, Type> known, SourceMap sources) {
    List<String> names = known.keySet().stream().sorted().toList();
    String message =
        "unknown field '"
            + name
            + "'"
            + (parent.isEmpty() ? "" : " in " + SourceMap.dotted(parent));
    String hint = Suggestions.didYouMean(name, names).orElse("known: " + String.join(", ", names));
    return Diagnostic.error(sources.keyPosition(child), message, hint);
  }

  private static Map<String, Type> components(Class<?> record) {
    Map<String, Type> out = new LinkedHashMap<>();
    for (RecordComponent component : record.getRecordComponents()) {
      out.put(component.getName(), component.getGenericType());
    }
    return out;
  }
}
