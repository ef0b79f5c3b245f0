package dev.flowform.state;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.flowform.diag.FlowformException;
import dev.flowform.diag.JsonProblems;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns what Jackson found wrong in a file into one message naming the file, line and column and
 * the field, in words rather than Java types, and never echoing a value from the file.
 */
final class StateFileProblem {
  private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

  private StateFileProblem() {}

  /** The hint for every unreadable state: nothing was changed, and where the last good copy is. */
  static String restoreHint(String file) {
    return "flowform changed nothing; fix the file, or restore the previous version from "
        + file
        + ".backup";
  }

  static FlowformException corrupt(
      String what, String file, String backupOf, JsonProcessingException e) {
    return new FlowformException(
        "corrupt " + what + " " + file + location(e) + ": " + describe(e),
        restoreHint(backupOf),
        e);
  }

  /**
   * @param at the file as shown, with {@code :line[:column]} when known
   * @param backupOf the state file whose {@code .backup} holds the last good version
   */
  static FlowformException corrupt(String what, String at, String backupOf, String problem) {
    return new FlowformException(
        "corrupt " + what + " " + at + ": " + problem, restoreHint(backupOf));
  }

  /** A file refused before it was read: not a regular file, or over its size limit. */
  static FlowformException refused(
      String what, String file, String backupOf, dev.flowform.diag.InputFile.RefusedException e) {
    String at = file + (e.line() > 0 ? ":" + e.line() + ":" + e.column() : "");
    return new FlowformException(what + " " + at + " " + e.getMessage(), restoreHint(backupOf), e);
  }

  private static String location(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    if (at == null || at.getLineNr() <= 0) {
      return "";
    }
    return ":" + at.getLineNr() + ":" + Math.max(at.getColumnNr(), 1);
  }

  static String describe(JsonProcessingException e) {
    if (e instanceof JsonParseException parse) {
      return "not valid JSON: " + JsonProblems.describe(parse);
    }
    if (!(e instanceof JsonMappingException mapping)) {
      return JsonProblems.describe(e);
    }
    String path = path(mapping);
    String at = path.isEmpty() ? "" : "at '" + path + "': ";
    if (e instanceof UnrecognizedPropertyException unknown) {
      int dot = path.lastIndexOf('.');
      return "unknown field '"
          + unknown.getPropertyName()
          + "'"
          + (dot < 0 ? "" : " in '" + path.substring(0, dot) + "'");
    }
    if (e instanceof ValueInstantiationException && e.getCause() != null) {
      return at + e.getCause().getMessage();
    }
    if (e instanceof InvalidFormatException invalid) {
      return "'" + path + "' is not " + expected(invalid.getTargetType());
    }
    if (e instanceof MismatchedInputException mismatch) {
      String message = String.valueOf(mismatch.getOriginalMessage());
      Matcher quoted = QUOTED.matcher(message);
      if (message.startsWith("Missing required") && quoted.find()) {
        return "missing required field '" + (path.isEmpty() ? quoted.group(1) : path) + "'";
      }
      return "'"
          + path
          + "' has the wrong type (expected "
          + expected(mismatch.getTargetType())
          + ")";
    }
    return at + JsonProblems.describe(mapping);
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "another type";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
      return "an integer";
    }
    if (type == Instant.class) {
      return "an ISO-8601 instant such as 2026-11-28T10:00:00Z";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "an object";
    }
    return "a " + type.getSimpleName();
  }
}
