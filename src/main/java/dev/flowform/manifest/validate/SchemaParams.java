package dev.flowform.manifest.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.flowform.diag.Diagnostic;
import dev.flowform.manifest.doc.SourceMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks params against a connector's JSON Schema (draft-07, with networknt's validator) and says
 * what is wrong at each param's {@code file:line:col}. The schema is read as closed: a param it
 * does not define is an error (with a did-you-mean), since the platform would answer it with a 400
 * only after the fact. Messages never quote a value: any of them may be a secret.
 */
public final class SchemaParams {
  // made at the first check: most runs have no params to check, and it loads a library
  private JsonSchemaFactory factory;
  // a hundred source connections of one connector check against one compiled schema
  private final Map<JsonNode, JsonSchema> compiled = new ConcurrentHashMap<>();

  private synchronized JsonSchemaFactory factory() {
    if (factory == null) {
      factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    }
    return factory;
  }

  /**
   * @param schema the spec's schema of the params object
   * @param params the params as bound (after interpolation where it was resolved)
   * @param prefix the params' pointer in the document ({@code /spec/auth/params})
   * @param opaque params whose value is not known here (unresolved references): only their names
   *     are checked
   * @param owner how messages name the schema ({@code salesforce (Basic Authentication)})
   */
  public List<Diagnostic> check(
      ObjectNode schema,
      JsonNode params,
      String prefix,
      Set<String> opaque,
      SourceMap sources,
      String owner) {
    List<Diagnostic> out = new ArrayList<>();
    ObjectNode closed = schema.deepCopy();
    closed.remove("$schema");
    closed.remove("$id");
    Set<String> defined = new TreeSet<>();
    closed.path("properties").fieldNames().forEachRemaining(defined::add);
    ArrayNode required = closed.putArray("required");
    for (JsonNode name : schema.path("required")) {
      String param = name.asText();
      if (!defined.contains(param)) {
        out.add(
            new Diagnostic(
                dev.flowform.diag.Severity.WARNING,
                sources.position(prefix),
                owner + " lists '" + param + "' as required but does not define it",
                "left to the platform to decide (Adobe's specs sometimes do this)"));
      } else if (!opaque.contains(param)) {
        required.add(param);
      }
    }
    if (!closed.has("additionalProperties")) {
      closed.put("additionalProperties", false);
    }
    ObjectNode instance =
        params.isObject() ? Coercion.apply((ObjectNode) params, closed) : closed.objectNode();
    opaque.stream().filter(defined::contains).forEach(instance::remove);
    JsonSchema schemaOf = compiled.computeIfAbsent(closed, c -> factory().getSchema(c));
    List<ValidationMessage> messages = new ArrayList<>(schemaOf.validate(instance));
    messages.sort(Comparator.comparing(ValidationMessage::toString));
    for (ValidationMessage message : messages) {
      out.add(diagnostic(message, prefix, closed.path("properties"), sources, owner));
    }
    return out;
  }

  private static Diagnostic diagnostic(
      ValidationMessage message,
      String prefix,
      JsonNode properties,
      SourceMap sources,
      String owner) {
    Set<String> defined = new TreeSet<>();
    properties.fieldNames().forEachRemaining(defined::add);
    String at = prefix + pointer(message.getInstanceLocation());
    String field = SourceMap.dotted(at);
    String property = message.getProperty();
    return switch (message.getType()) {
      case "required" ->
          Diagnostic.error(
              sources.position(at),
              field + "." + property + " is required by " + owner,
              hintOf(properties.path(property), property, field));
      case "additionalProperties" -> {
        String unknown = at + "/" + SourceMap.segment(property);
        yield Diagnostic.error(
            sources.keyPosition(unknown),
            "unknown param '" + property + "' for " + owner,
            Suggestions.didYouMean(property, defined)
                .orElse(
                    defined.isEmpty()
                        ? "it takes no params"
                        : "known: " + String.join(", ", defined)));
      }
      case "type" ->
          Diagnostic.error(
              sources.position(at),
              field
                  + " must be "
                  + keyword(message, "type")
                  + ", not "
                  + describe(message.getInstanceNode()),
              "see flowform specs show");
      case "enum" ->
          Diagnostic.error(
              sources.position(at),
              field + " must be one of " + keyword(message, "enum"),
              "as " + owner + " defines it");
      case "pattern" ->
          Diagnostic.error(
              sources.position(at),
              field + " does not match the pattern " + keyword(message, "pattern"),
              "as " + owner + " defines it");
      default ->
          Diagnostic.error(
              sources.position(at),
              field + ": " + message.getMessage().replaceFirst("^\\$[^:]*: ", ""),
              "as " + owner + " defines it");
    };
  }

  /** A keyword's value in the schema that failed (the validator gives the keyword's node). */
  private static String keyword(ValidationMessage message, String name) {
    JsonNode node = message.getSchemaNode();
    if (node != null && node.isObject() && node.has(name)) {
      node = node.get(name);
    }
    if (node == null) {
      return "?";
    }
    return node.isTextual() ? node.textValue() : node.toString();
  }

  private static String hintOf(JsonNode schema, String property, String field) {
    boolean secret =
        "password".equals(schema.path("format").asText(null))
            || schema.path("sensitive").asBoolean(false);
    return secret
        ? "add " + property + ": ${env:NAME} under " + field + "; it is a secret"
        : "add " + property + " under " + field + "; flowform specs show lists every param";
  }

  static String pointer(JsonNodePath path) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      out.append('/').append(SourceMap.segment(String.valueOf(path.getElement(i))));
    }
    return out.toString();
  }

  private static String describe(JsonNode node) {
    if (node == null || node.isNull()) {
      return "empty";
    }
    if (node.isTextual()) {
      return "text";
    }
    if (node.isNumber()) {
      return "a number";
    }
    if (node.isBoolean()) {
      return "true/false";
    }
    return node.isObject() ? "a mapping" : "a list";
  }
}
