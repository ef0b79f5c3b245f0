package dev.flowform.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowform.diag.FlowformException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * A state as rows rather than one file: a header and one JSON document per resource, each exactly
 * as format version 1 writes it under {@code resources}. For stores that keep resources apart (the
 * PostgreSQL backend), with the same strict reading as the file: unknown fields, nulls, a bad
 * address, anything but a fingerprint under {@code secretFingerprints} are refused, so nothing new
 * can carry a secret.
 */
public final class StateRows {
  private final ObjectMapper mapper = StateJson.newMapper();

  public StateRows() {}

  /** The JSON document of one resource: compact, fields in the format's order. */
  public String resourceJson(ResourceState resource) {
    try {
      return mapper.writeValueAsString(ResourceFileV1.from(resource));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The resource a document holds.
   *
   * @param where the row as the user should see it, for messages, e.g. {@code state 'dev' in
   *     PostgreSQL db:5432/ops (schema flowform), resource 'conn-a'}
   * @throws FlowformException naming {@code where} when it is not a valid resource at a valid
   *     address (the document itself is never echoed)
   */
  public ResourceState resource(String address, String json, String where) {
    try {
      FormatRules.address(FormatRules.text(address, "address"));
    } catch (IllegalArgumentException e) {
      throw corrupt(where, e.getMessage());
    }
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    try {
      mapper.readTree(bytes);
      Optional<NoNulls.Found> found = NoNulls.find(mapper, bytes, Set.of());
      if (found.isPresent()) {
        throw corrupt(where, found.get().describe());
      }
      return mapper.readValue(bytes, ResourceFileV1.class).toModel();
    } catch (JsonProcessingException e) {
      throw corrupt(where, StateFileProblem.describe(e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * True when two resource documents hold the same JSON, whatever their key order and spacing (a
   * database's JSON type keeps neither); false when either is not JSON.
   */
  public boolean sameJson(String a, String b) {
    try {
      return mapper.readTree(a).equals(mapper.readTree(b));
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  /**
   * {@code state} when it keeps every rule of the format (known {@code formatVersion}, lineage,
   * binding and salt present, serial not negative, valid resources).
   *
   * @param where the state as the user should see it, e.g. {@code state 'dev' in PostgreSQL
   *     db:5432/ops (schema flowform)}
   * @throws FlowformException naming {@code where} otherwise
   */
  public State checked(State state, String where) {
    if (state.formatVersion() != StateFormat.VERSION) {
      throw new FlowformException(
          where
              + " has formatVersion "
              + state.formatVersion()
              + ", which this flowform does not know (it reads version "
              + StateFormat.VERSION
              + ")",
          "it was probably written by a newer flowform: upgrade flowform; flowform changed"
              + " nothing");
    }
    try {
      StateFileV1.from(state);
    } catch (IllegalArgumentException e) {
      throw corrupt(where, e.getMessage());
    }
    return state;
  }

  /**
   * True when {@code after} differs from {@code before} at {@code address} only (set or removed)
   * and nowhere else, header included. O(1) for a state made by one {@link State#with} or {@link
   * State#without} from {@code before}, whatever the size.
   */
  public static boolean differsOnlyAt(State before, State after, String address) {
    return FileStateStore.differsOnlyAt(before, after, address);
  }

  private static FlowformException corrupt(String where, String problem) {
    return new FlowformException(
        "corrupt " + where + ": " + problem,
        "flowform changed nothing; 'flowform state history' lists the versions kept, and"
            + " 'flowform state show --serial N' reads one");
  }
}
