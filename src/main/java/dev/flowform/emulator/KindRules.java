package dev.flowform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** What sets one Flow Service collection apart: how its bodies are checked and patched. */
interface KindRules {
  ResourceKind kind();

  /** The fields a list's {@code property} filter may name (dotted paths into an item). */
  Set<String> filterFields();

  /**
   * The body to store for this create request, checked against what exists; throws the platform's
   * {@code 400} otherwise.
   */
  ObjectNode check(JsonNode request, Lookup lookup);

  /** The body after this JSON Patch, checked as a whole. */
  ObjectNode patch(EmulatedResource current, JsonNode patch, Lookup lookup);
}
