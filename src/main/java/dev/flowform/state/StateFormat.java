package dev.flowform.state;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.flowform.diag.FlowformException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;

/**
 * The state file format: maps {@link State} to and from JSON bytes and checks {@code
 * formatVersion}. Version 1 is the only one known; its exact shape is {@code
 * schemas/state.schema.json}. Output is pretty-printed with a stable key order and ends with a
 * newline, so that the same state always gives the same bytes.
 */
public final class StateFormat {
  /** The format version this flowform reads and writes. */
  public static final int VERSION = StateFileV1.VERSION;

  /**
   * The largest state file read: some 60,000 connections. A larger file is refused before it is
   * read (it would take minutes, or all the memory, to fail).
   */
  public static final long MAX_BYTES = 64L * 1024 * 1024;

  private final ObjectMapper mapper = StateJson.newMapper();

  public StateFormat() {}

  /**
   * The bytes of a state file.
   *
   * @throws IllegalArgumentException when the state breaks a rule of the format (a programming
   *     error: such a state is never written)
   */
  public byte[] encode(State state) {
    try {
      return StateJson.prettyBytes(mapper, StateFileV1.from(state));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The state a file holds.
   *
   * @param file the file as the user should see it, for messages
   * @throws FlowformException naming the file, line and column when the bytes are not a state of a
   *     known format version
   */
  public State decode(byte[] bytes, String file) {
    checkVersion(bytes, file);
    try {
      Optional<NoNulls.Found> found = NoNulls.find(mapper, bytes, Set.of());
      if (found.isPresent()) {
        NoNulls.Found at = found.get();
        throw StateFileProblem.corrupt(
            "state file", file + ":" + at.line() + ":" + at.column(), file, at.describe());
      }
      Optional<RecordedIds.Problem> ids = RecordedIds.find(mapper, bytes);
      if (ids.isPresent()) {
        RecordedIds.Problem at = ids.get();
        throw StateFileProblem.corrupt(
            "state file", file + ":" + at.line() + ":" + at.column(), file, at.message());
      }
      return mapper.readValue(bytes, StateFileV1.class).toModel();
    } catch (JsonProcessingException e) {
      throw StateFileProblem.corrupt("state file", file, file, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ObjectMapper mapper() {
    return mapper;
  }

  private void checkVersion(byte[] bytes, String file) {
    JsonNode version;
    try {
      version = formatVersion(bytes, file);
    } catch (JsonProcessingException e) {
      throw StateFileProblem.corrupt("state file", file, file, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (version == null) {
      throw StateFileProblem.corrupt(
          "state file", file, file, "missing required field 'formatVersion'");
    }
    if (!version.isIntegralNumber()) {
      throw StateFileProblem.corrupt(
          "state file", file, file, "'formatVersion' has the wrong type (expected an integer)");
    }
    if (!version.canConvertToInt() || version.intValue() != VERSION) {
      throw new FlowformException(
          "state file "
              + file
              + " has formatVersion "
              + version.asText()
              + ", which this flowform does not know (it reads version "
              + VERSION
              + ")",
          "it was probably written by a newer flowform: upgrade flowform, or restore an older"
              + " version from "
              + file
              + ".backup; flowform changed nothing");
    }
  }

  /**
   * The top-level {@code formatVersion}, read as a stream up to it: the rest of the file is not
   * built into a tree (the reads that follow check it whole).
   *
   * @return null when the object has none
   */
  private JsonNode formatVersion(byte[] bytes, String file) throws IOException {
    try (JsonParser parser = mapper.createParser(bytes)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw StateFileProblem.corrupt("state file", file, file, "the file is empty");
      }
      if (first != JsonToken.START_OBJECT) {
        throw StateFileProblem.corrupt("state file", file, file, "expected a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        if (field.equals("formatVersion")) {
          return scalar(parser);
        }
        parser.skipChildren();
      }
      return null;
    }
  }

  /** The value the parser stands on, as a node of its type (a structure's content left out). */
  private static JsonNode scalar(JsonParser parser) throws IOException {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    return switch (parser.currentToken()) {
      case VALUE_NUMBER_INT -> nodes.numberNode(parser.getBigIntegerValue());
      case VALUE_NUMBER_FLOAT -> nodes.numberNode(parser.getDecimalValue());
      case VALUE_STRING -> nodes.textNode(parser.getText());
      case VALUE_TRUE, VALUE_FALSE -> nodes.booleanNode(parser.getBooleanValue());
      case START_OBJECT -> {
        parser.skipChildren();
        yield nodes.objectNode();
      }
      case START_ARRAY -> {
        parser.skipChildren();
        yield nodes.arrayNode();
      }
      default -> nodes.nullNode();
    };
  }
}
