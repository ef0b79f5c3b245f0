package dev.flowform.emulator;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * One {@code property} filter of a list: {@code name==a} matches name a, {@code name==a,b} a or b,
 * {@code state!=disabled} anything else. Repeated filters must all match.
 */
record PropertyFilter(String field, boolean negated, List<String> values) {
  /** What a {@code GET /connections} can filter on. */
  static final Set<String> CONNECTION_FIELDS =
      Set.of(
          "id",
          "name",
          "description",
          "connectionSpec.id",
          "connectionSpec.version",
          "state",
          "auth.specName");

  PropertyFilter {
    values = List.copyOf(values);
  }

  /** Parses a connection filter, {@code field==v1,v2} or {@code field!=v1,v2}. */
  static PropertyFilter parse(String expression) {
    return parse(expression, CONNECTION_FIELDS);
  }

  /**
   * Parses {@code field==v1,v2} or {@code field!=v1,v2} on one of {@code fields}; {@code 1100-400}
   * otherwise.
   */
  static PropertyFilter parse(String expression, Set<String> fields) {
    int eq = expression.indexOf("==");
    int ne = expression.indexOf("!=");
    int at = eq >= 0 && (ne < 0 || eq < ne) ? eq : ne;
    if (at <= 0) {
      throw Errors.invalidRequest(
          "The property filter '" + expression + "' is not of the form field==value.");
    }
    String field = expression.substring(0, at).trim();
    if (!fields.contains(field)) {
      throw Errors.invalidRequest(
          "The property '"
              + field
              + "' cannot be filtered on; use one of "
              + fields.stream().sorted().toList()
              + ".");
    }
    List<String> values = Arrays.asList(expression.substring(at + 2).split(",", -1));
    return new PropertyFilter(field, at == ne, values);
  }

  boolean matches(EmulatedConnection connection) {
    return matches(field -> value(connection, field));
  }

  /** Whether the value {@code valueOf} gives for this filter's field matches (null: none). */
  boolean matches(Function<String, String> valueOf) {
    return values.contains(Objects.toString(valueOf.apply(field), "")) != negated;
  }

  /** The value of a filterable (or sortable) field; null when it has none. */
  static String value(EmulatedConnection connection, String field) {
    return switch (field) {
      case "id" -> connection.id();
      case "name" -> connection.name();
      case "description" -> connection.description();
      case "connectionSpec.id" -> connection.connectionSpecId();
      case "connectionSpec.version" -> connection.connectionSpecVersion();
      case "state" -> connection.state();
      case "auth.specName" -> connection.authSpecName();
      case "createdAt" -> String.format("%020d", connection.createdAt());
      case "updatedAt" -> String.format("%020d", connection.updatedAt());
      default -> throw new IllegalArgumentException("not a field: " + field);
    };
  }

  /**
   * {@code name=="a"} as {@code name==a}: Adobe's examples quote a value, aepp does not; both match
   * the same.
   */
  static String unquoted(String expression) {
    int eq = expression.indexOf("==");
    int at = eq >= 0 ? eq : expression.indexOf("!=");
    if (at < 0) {
      return expression;
    }
    String value = expression.substring(at + 2);
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    return expression.substring(0, at + 2) + value;
  }

  /** The expression as given: {@code name==a,b}. */
  String expression() {
    return field + (negated ? "!=" : "==") + String.join(",", values);
  }
}
