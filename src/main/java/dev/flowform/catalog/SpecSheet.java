package dev.flowform.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A connector's spec as {@code flowform specs show} prints it: its auth specs and params, secrets
 * marked, and the params of its source connections. Enough to write a manifest.
 */
public final class SpecSheet {
  private SpecSheet() {}

  public static List<String> lines(ConnectorSpec connector) {
    List<String> out = new ArrayList<>();
    out.add(
        connector.name()
            + (connector.label() == null ? "" : " (" + connector.label() + ")")
            + ": connection spec "
            + connector.id()
            + (connector.version() == null ? "" : ", version " + connector.version()));
    for (AuthSpec auth : connector.authSpecs()) {
      out.add("");
      out.add(
          "auth.specName: "
              + auth.name()
              + (auth.type().isEmpty() ? "" : " (" + auth.type() + ")"));
      params(auth.schema(), auth.secrets(), out);
    }
    if (connector.sourceSpec() != null) {
      out.add("");
      out.add("SourceConnection params:");
      params(connector.sourceSpec(), Set.of(), out);
    }
    return out;
  }

  private static void params(JsonNode schema, Set<String> secrets, List<String> out) {
    Set<String> required = new java.util.TreeSet<>();
    schema.path("required").forEach(n -> required.add(n.asText()));
    int width =
        Math.max(
            8,
            schema.path("properties").properties().stream()
                .mapToInt(e -> e.getKey().length())
                .max()
                .orElse(0));
    schema
        .path("properties")
        .properties()
        .forEach(
            e -> {
              JsonNode property = e.getValue();
              List<String> marks = new ArrayList<>();
              marks.add(property.path("type").asText("any"));
              marks.add(required.contains(e.getKey()) ? "required" : "optional");
              if (secrets.contains(e.getKey())) {
                marks.add("secret: ${env:...} or ${file:...} only");
              }
              if (property.has("enum")) {
                marks.add("one of " + property.get("enum"));
              }
              if (property.has("pattern")) {
                marks.add("pattern " + property.get("pattern").asText());
              }
              String description = property.path("description").asText("");
              out.add(
                  String.format(
                      "  %-" + width + "s  %s%s",
                      e.getKey(),
                      String.join(", ", marks),
                      description.isEmpty() ? "" : "  " + description));
            });
    required.stream()
        .filter(r -> !schema.path("properties").has(r))
        .forEach(r -> out.add("  " + r + "  (required by the spec but not defined)"));
  }
}
