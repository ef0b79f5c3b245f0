package dev.flowform.flowservice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Takes the secrets out of what the trace shows. JSON is redacted structurally (by field name, and
 * by the path of a JSON Patch operation); forms by field name; any other text by a last-resort
 * pattern.
 */
final class Redactor {
  static final String SENSITIVE = "(sensitive)";
  private static final Set<String> SECRET_FIELDS =
      Set.of(
          "clientsecret",
          "client_secret",
          "accesstoken",
          "access_token",
          "refreshtoken",
          "refresh_token",
          "password",
          "authorization");
  private static final String SECRET_NAME =
      "(?:client_?secret|access_?token|refresh_?token|password)";

  /** A JSON string value, escapes included, possibly cut off at the end of a truncated body. */
  private static final String JSON_STRING_REST = "(?:[^\"\\\\]|\\\\.)*\\\\?";

  /**
   * Secrets in JSON that did not parse (a body cut off by the trace limit): {@code "clientSecret":
   * "..."} and JSON Patch {@code "path": ".../clientSecret", "value": "..."}.
   */
  private static final Pattern LOOSE_JSON_SECRET =
      Pattern.compile(
          "(?i)((?:\""
              + SECRET_NAME
              + "\"|\"path\"\\s*:\\s*\"[^\"]*/"
              + SECRET_NAME
              + "\"\\s*,\\s*\"value\")\\s*:\\s*\")"
              + JSON_STRING_REST);

  /** Secrets in other text, e.g. {@code client_secret=...}. */
  private static final Pattern LOOSE_SECRET =
      Pattern.compile("(?i)(" + SECRET_NAME + "\\s*[:=]\\s*)[^\"&,}\\s]+");

  private final ObjectMapper json;

  Redactor(ObjectMapper json) {
    this.json = json;
  }

  static boolean isSecretName(String name) {
    return SECRET_FIELDS.contains(name.toLowerCase(Locale.ROOT));
  }

  /** A header value as the trace may show it. */
  static String header(String name, String value) {
    if (name.equalsIgnoreCase("Authorization")) {
      int space = value.indexOf(' ');
      return space > 0 ? value.substring(0, space) + " " + SENSITIVE : SENSITIVE;
    }
    return isSecretName(name) ? SENSITIVE : value;
  }

  /** A body as the trace may show it, by its content type. */
  String body(String text, String contentType) {
    if (text.isEmpty()) {
      return text;
    }
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (type.contains("x-www-form-urlencoded")) {
      return form(text);
    }
    try {
      JsonNode tree = json.readTree(text);
      if (tree != null) {
        return json.writeValueAsString(redact(tree));
      }
    } catch (IOException e) {
      // not JSON: fall through to the loose pattern
    }
    String jsonRedacted = LOOSE_JSON_SECRET.matcher(text).replaceAll("$1" + SENSITIVE);
    return LOOSE_SECRET.matcher(jsonRedacted).replaceAll("$1" + SENSITIVE);
  }

  private String form(String text) {
    StringBuilder out = new StringBuilder();
    for (String pair : text.split("&", -1)) {
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      out.append(out.length() == 0 ? "" : "&");
      out.append(eq >= 0 && isSecretName(name) ? pair.substring(0, eq + 1) + SENSITIVE : pair);
    }
    return out.toString();
  }

  /** A copy of the tree with every secret value replaced. */
  JsonNode redact(JsonNode node) {
    JsonNode copy = node.deepCopy();
    redactInPlace(copy);
    return copy;
  }

  private void redactInPlace(JsonNode node) {
    if (node instanceof ObjectNode object) {
      if (isPatchOfSecret(object)) {
        object.put("value", SENSITIVE);
      }
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        if (isSecretName(field.getKey()) && !field.getValue().isContainerNode()) {
          field.setValue(object.textNode(SENSITIVE));
        } else {
          redactInPlace(field.getValue());
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(this::redactInPlace);
    }
  }

  /** {@code {"op":"replace","path":"/auth/params/clientSecret","value":"..."}}. */
  private static boolean isPatchOfSecret(ObjectNode object) {
    JsonNode path = object.get("path");
    JsonNode value = object.get("value");
    if (path == null || !path.isTextual() || value == null || value.isContainerNode()) {
      return false;
    }
    String p = path.asText();
    return isSecretName(p.substring(p.lastIndexOf('/') + 1));
  }
}
