package dev.flowform.state;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The resource ids a state records, checked where they stand: each is a UUID (as the platform's ids
 * are; Data Prep writes a mapping set's without dashes), and no connection is recorded under two
 * addresses. A state that breaks either would make apply update or delete one address's connection
 * for another.
 */
public final class RecordedIds {
  static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");

  /** Where an id was recorded. */
  private record Owner(String address, int line) {}

  private final Map<String, Owner> owners = new HashMap<>();
  private final Map<String, String> idOf = new HashMap<>();

  /** The first problem found in a state file, where it stands. */
  record Problem(int line, int column, String message) {}

  /** The ids of a state already read (no lines known). */
  static RecordedIds of(State state) {
    RecordedIds ids = new RecordedIds();
    state.resources().forEach((address, r) -> ids.add(address, r.id(), 0));
    return ids;
  }

  /**
   * The first problem of a state's ids, whatever backend it was read from: the same rules as a
   * state file's.
   */
  public static Optional<String> problemIn(State state) {
    RecordedIds ids = new RecordedIds();
    for (Map.Entry<String, ResourceState> entry : state.resources().entrySet()) {
      Optional<String> problem = ids.add(entry.getKey(), entry.getValue().id(), 0);
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  /** The first problem of a state file's ids; the bytes must already be known to be valid JSON. */
  static Optional<Problem> find(ObjectMapper mapper, byte[] bytes) throws IOException {
    RecordedIds ids = new RecordedIds();
    try (JsonParser parser = mapper.createParser(bytes)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        // most strings are other fields: only an "id" three levels down is looked at closer
        if (token != JsonToken.VALUE_STRING
            || !"id".equals(parser.currentName())
            || parser.getParsingContext().getNestingDepth() != 3) {
          continue;
        }
        String[] path = parser.getParsingContext().pathAsPointer().toString().split("/", -1);
        if (path.length != 4 || !path[1].equals("resources") || !path[3].equals("id")) {
          continue;
        }
        JsonLocation at = parser.currentTokenLocation();
        Optional<String> problem = ids.add(path[2], parser.getText(), at.getLineNr());
        if (problem.isPresent()) {
          return Optional.of(new Problem(at.getLineNr(), at.getColumnNr(), problem.get()));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Records that {@code address} now holds {@code id} (null: none, or the address is gone).
   *
   * @return what is wrong with it, if anything
   */
  Optional<String> add(String address, String id, int line) {
    String previous = idOf.remove(address);
    if (previous != null) {
      owners.remove(previous);
    }
    if (id == null) {
      return Optional.empty();
    }
    if (!UUID.matcher(id).matches()) {
      return Optional.of("'resources." + address + ".id' is not a UUID, as connection ids are");
    }
    String key = id.toLowerCase(Locale.ROOT);
    Owner earlier = owners.putIfAbsent(key, new Owner(address, line));
    if (earlier != null) {
      return Optional.of(
          "'resources."
              + address
              + ".id' is the connection already recorded for '"
              + earlier.address()
              + "'"
              + (earlier.line() > 0 ? " (line " + earlier.line() + ")" : "")
              + "; a connection belongs to one address only");
    }
    idOf.put(address, key);
    return Optional.empty();
  }
}
