package dev.flowform.state;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * Finds an explicit {@code null} in a document (the format leaves optional fields out instead, as
 * its schema says), except at the JSON pointers given. Jackson alone cannot tell an explicit null
 * from an absent field once bound.
 */
final class NoNulls {
  private NoNulls() {}

  /** Where the first null not allowed is, e.g. {@code 12:22: 'resources.a.etag' is null}. */
  record Found(String field, int line, int column) {
    String describe() {
      return "'" + field + "' is null; leave it out instead";
    }
  }

  /** The first null not allowed; the bytes must already be known to be valid JSON. */
  static Optional<Found> find(ObjectMapper mapper, byte[] bytes, Set<String> allowedAt)
      throws IOException {
    try (JsonParser parser = mapper.createParser(bytes)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token != JsonToken.VALUE_NULL) {
          continue;
        }
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        if (!allowedAt.contains(pointer)) {
          JsonLocation at = parser.currentTokenLocation();
          String field = pointer.substring(1).replace('/', '.');
          return Optional.of(new Found(field, at.getLineNr(), at.getColumnNr()));
        }
      }
    }
    return Optional.empty();
  }
}
