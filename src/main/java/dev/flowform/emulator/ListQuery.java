package dev.flowform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code GET /connections} query: filters, order, page size, and where the page starts. A
 * continuation token carries the whole query and the last item seen, so following {@code
 * _links.next.href} alone is enough, and a page never repeats nor skips an item that stayed.
 */
record ListQuery(
    Set<String> fields,
    List<PropertyFilter> filters,
    Optional<String> orderBy,
    boolean descending,
    int limit,
    boolean count,
    Optional<Position> after) {

  private static final Set<String> SORTABLE =
      Set.of("id", "name", "description", "state", "createdAt", "updatedAt");

  /** A place in the order: the sort key and creation sequence of the last item of a page. */
  record Position(String key, long sequence) {}

  /** The items of one page, and the token of the next one if there are more. */
  record Page<T>(List<T> items, Optional<String> nextToken) {}

  /** How a query reads the items it lists. */
  interface View<T> {
    /** The value of a filterable or sortable field; null when it has none. */
    String value(T item, String field);

    /** The item's creation sequence, unique: the last sort key. */
    long sequence(T item);
  }

  /** Connections, as {@code GET /connections} lists them. */
  static final View<EmulatedConnection> CONNECTIONS =
      new View<>() {
        @Override
        public String value(EmulatedConnection item, String field) {
          return PropertyFilter.value(item, field);
        }

        @Override
        public long sequence(EmulatedConnection item) {
          return item.sequence();
        }
      };

  /**
   * Reads a list's query parameters.
   *
   * @param pageSize the page size when neither the query nor its continuation token gives a limit
   * @param maxPageSize the largest page: a larger {@code limit} is clamped to it
   */
  static ListQuery parse(
      Map<String, List<String>> params, int pageSize, int maxPageSize, ObjectMapper mapper) {
    return parse(params, PropertyFilter.CONNECTION_FIELDS, pageSize, maxPageSize, mapper);
  }

  /** Reads a list's query parameters, whose filters may name {@code fields}. */
  static ListQuery parse(
      Map<String, List<String>> params,
      Set<String> fields,
      int pageSize,
      int maxPageSize,
      ObjectMapper mapper) {
    Optional<String> token = single(params, "continuationToken");
    Optional<String> limitParam = single(params, "limit");
    boolean count = single(params, "count").map(Boolean::parseBoolean).orElse(false);
    if (count && limitParam.isPresent()) {
      throw Errors.limitWithCount();
    }
    ListQuery query =
        token.isPresent()
            ? decode(token.get(), fields, mapper)
            : fresh(
                fields,
                params.getOrDefault("property", List.of()),
                single(params, "orderby"),
                count);
    int limit =
        Math.min(
            maxPageSize,
            limitParam
                .map(ListQuery::parseLimit)
                .orElse(query.limit() > 0 ? query.limit() : pageSize));
    return new ListQuery(
        fields, query.filters(), query.orderBy(), query.descending(), limit, count, query.after());
  }

  /** The matching connections, in this query's order. */
  List<EmulatedConnection> matching(List<EmulatedConnection> connections) {
    return matching(connections, CONNECTIONS);
  }

  /** The matching items, in this query's order. */
  <T> List<T> matching(List<T> all, View<T> view) {
    return all.stream()
        .filter(c -> filters.stream().allMatch(f -> f.matches(field -> view.value(c, field))))
        .sorted(Comparator.comparing((T c) -> position(c, view), order()))
        .toList();
  }

  /** The page of connections this query asks for. */
  Page<EmulatedConnection> page(List<EmulatedConnection> connections, ObjectMapper mapper) {
    return page(connections, CONNECTIONS, mapper);
  }

  /** The page this query asks for. */
  <T> Page<T> page(List<T> all, View<T> view, ObjectMapper mapper) {
    List<T> rest =
        matching(all, view).stream()
            .filter(c -> after.isEmpty() || order().compare(position(c, view), after.get()) > 0)
            .toList();
    List<T> items = rest.subList(0, Math.min(limit, rest.size()));
    Optional<String> next =
        rest.size() > items.size()
            ? Optional.of(encode(position(items.get(items.size() - 1), view), mapper))
            : Optional.empty();
    return new Page<>(items, next);
  }

  private <T> Position position(T item, View<T> view) {
    String key = orderBy.map(f -> view.value(item, f)).orElse("");
    return new Position(Objects.toString(key, ""), view.sequence(item));
  }

  private Comparator<Position> order() {
    Comparator<Position> ascending =
        Comparator.comparing(Position::key).thenComparingLong(Position::sequence);
    return descending ? ascending.reversed() : ascending;
  }

  private static ListQuery fresh(
      Set<String> fields, List<String> filters, Optional<String> orderBy, boolean count) {
    List<PropertyFilter> parsed = new ArrayList<>();
    filters.forEach(f -> parsed.add(PropertyFilter.parse(f, fields)));
    boolean descending = orderBy.filter(o -> o.startsWith("-")).isPresent();
    Optional<String> field = orderBy.map(o -> o.replaceFirst("^[-+]", ""));
    if (field.isPresent() && !SORTABLE.contains(field.get())) {
      throw Errors.invalidRequest("The list cannot be ordered by '" + field.get() + "'.");
    }
    return new ListQuery(fields, parsed, field, descending, 0, count, Optional.empty());
  }

  private String encode(Position last, ObjectMapper mapper) {
    ObjectNode json = mapper.createObjectNode();
    filters.forEach(f -> json.withArray("property").add(f.expression()));
    orderBy.ifPresent(o -> json.put("orderby", (descending ? "-" : "") + o));
    json.put("limit", limit);
    json.put("key", last.key());
    json.put("seq", last.sequence());
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mapper.writeValueAsBytes(json));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ListQuery decode(String token, Set<String> fields, ObjectMapper mapper) {
    try {
      JsonNode json = mapper.readTree(Base64.getUrlDecoder().decode(token));
      List<String> filters = new ArrayList<>();
      json.path("property").forEach(p -> filters.add(p.asText()));
      ListQuery query =
          fresh(fields, filters, Optional.ofNullable(json.path("orderby").textValue()), false);
      if (!json.path("key").isTextual() || !json.path("seq").canConvertToLong()) {
        throw Errors.invalidRequest("The continuation token is not valid.");
      }
      Position after = new Position(json.get("key").asText(), json.get("seq").asLong());
      return new ListQuery(
          fields,
          query.filters(),
          query.orderBy(),
          query.descending(),
          json.path("limit").asInt(0),
          false,
          Optional.of(after));
    } catch (IOException | IllegalArgumentException e) {
      throw Errors.invalidRequest("The continuation token is not valid.");
    }
  }

  /** A limit of 1 or more (a huge one reads as the largest int, to be clamped). */
  private static int parseLimit(String limit) {
    String digits = limit.trim();
    if (digits.matches("0*[1-9][0-9]*")) {
      try {
        return Integer.parseInt(digits);
      } catch (NumberFormatException e) {
        return Integer.MAX_VALUE;
      }
    }
    throw Errors.invalidRequest("The limit must be a whole number of 1 or more.");
  }

  private static Optional<String> single(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
