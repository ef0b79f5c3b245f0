package dev.flowform.manifest;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The record types a document type reaches through its components (and through the type arguments
 * of lists, maps and optionals): what binding and checking a document of it will need. Pure.
 */
final class RecordTypes {
  private RecordTypes() {}

  /** {@code roots} and every record type they reach, each once, roots first. */
  static Set<Class<?>> reachable(Collection<Class<?>> roots) {
    Set<Class<?>> out = new LinkedHashSet<>();
    Deque<Type> pending = new ArrayDeque<>(roots);
    while (!pending.isEmpty()) {
      Type type = pending.pop();
      if (type instanceof ParameterizedType generic) {
        for (Type argument : generic.getActualTypeArguments()) {
          pending.add(argument);
        }
      } else if (type instanceof Class<?> record && record.isRecord() && out.add(record)) {
        for (RecordComponent component : record.getRecordComponents()) {
          pending.add(component.getGenericType());
        }
      }
    }
    return out;
  }
}
