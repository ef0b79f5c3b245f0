package dev.flowform.manifest.doc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowform.diag.SourcePosition;
import java.nio.file.Path;

/**
 * One YAML document as written, before interpolation: its file, kind, the raw tree and where each
 * node of it stands.
 */
public record ManifestDocument(Path file, String kind, ObjectNode tree, SourceMap sources) {

  /** Where the document starts. */
  public SourcePosition position() {
    return sources.position("");
  }

  /** The raw text at a pointer, or null when absent or not text. */
  public String text(String pointer) {
    JsonNode node = tree.at(pointer);
    return node.isTextual() ? node.textValue() : null;
  }
}
