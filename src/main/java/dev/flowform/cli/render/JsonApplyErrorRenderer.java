package dev.flowform.cli.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowform.diag.Diagnostic;
import dev.flowform.diag.DiagnosticsException;
import dev.flowform.diag.FlowformException;
import java.util.Optional;

/**
 * The result of an apply that stopped before it had a plan (manifests that do not load, a secret
 * that does not resolve, a held lock): {@code "status": "error"} and the errors, in the format of
 * {@code schemas/apply-result.schema.json}, so that {@code apply --output json > result.json}
 * always leaves one JSON document.
 */
public final class JsonApplyErrorRenderer {
  private final ObjectMapper mapper = new ObjectMapper();

  public String render(Optional<String> environment, RuntimeException error) {
    ObjectNode root = mapper.createObjectNode();
    root.put("formatVersion", JsonApplyRenderer.FORMAT_VERSION);
    environment.ifPresent(name -> root.put("environment", name));
    root.put("status", "error");
    ArrayNode errors = root.putArray("errors");
    if (error instanceof DiagnosticsException d) {
      for (Diagnostic diagnostic : d.diagnostics().all()) {
        if (diagnostic.isError()) {
          String at = diagnostic.position() == null ? "" : diagnostic.position() + ": ";
          add(errors, at + diagnostic.message(), diagnostic.hint());
        }
      }
    } else if (error instanceof FlowformException f) {
      add(errors, f.getMessage(), f.hint());
    } else {
      add(
          errors,
          "unexpected " + error.getClass().getSimpleName() + ": " + error.getMessage(),
          null);
    }
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always serializes", e);
    }
  }

  private static void add(ArrayNode errors, String message, String hint) {
    ObjectNode node = errors.addObject();
    node.put("message", message);
    node.put("hint", hint == null || hint.isBlank() ? null : hint);
  }
}
