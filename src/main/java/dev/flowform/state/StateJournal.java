package dev.flowform.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowform.diag.InputFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The append-only journal beside a state file ({@code <state>.journal}): one JSON line per changed
 * resource, each forced to disk before the change counts as recorded. Its first line names the
 * exact main file it applies to (a SHA-256 of its bytes), so a journal left behind by a compaction
 * that crashed after replacing the main file is recognised as already folded in and ignored. A last
 * line without its newline was cut by a crash before it was acknowledged, and is ignored too.
 */
final class StateJournal {
  static final int VERSION = 1;

  /** First line: which main file this journal extends. */
  @JsonPropertyOrder({"journal", "lineage", "base"})
  record Header(
      @JsonProperty(required = true) int journal,
      @JsonProperty(required = true) String lineage,
      @JsonProperty(required = true) String base) {}

  /** Every other line: one resource set ({@code resource}) or removed ({@code resource: null}). */
  @JsonPropertyOrder({"serial", "address", "resource"})
  record Entry(
      @JsonProperty(required = true) long serial,
      @JsonProperty(required = true) String address,
      @JsonProperty(required = true) @JsonInclude(JsonInclude.Include.ALWAYS)
          ResourceFileV1 resource) {
    Entry {
      FormatRules.address(FormatRules.text(address, "address"));
    }
  }

  /**
   * What replaying found.
   *
   * @param clean true when new lines may be appended: the journal applies to the main file and has
   *     no cut-off last line
   */
  record Replay(State state, boolean clean) {}

  /** The most a journal may hold; it is folded into the state file long before. */
  static final long MAX_BYTES = StateFormat.MAX_BYTES;

  private final Path file;
  private final String shownAs;
  private final String stateShownAs;
  private final ObjectMapper mapper;
  private final Path stateFile;
  private final SecretGuard guard;

  /**
   * The journal {@code file} of the state file shown as {@code stateShownAs}.
   *
   * @param stateFile whose mode the journal takes
   * @param guard what checks every line for a secret before it is written
   */
  StateJournal(
      Path file, String stateShownAs, ObjectMapper mapper, Path stateFile, SecretGuard guard) {
    this.file = file;
    this.shownAs = stateShownAs + ".journal";
    this.stateShownAs = stateShownAs;
    this.mapper = mapper;
    this.stateFile = stateFile;
    this.guard = guard;
  }

  Path file() {
    return file;
  }

  /** Starts a journal on top of the main file whose digest is {@code base}; returns its size. */
  long start(State main, String base, long serial, String address, ResourceState resource)
      throws IOException {
    return write(main, base, entry(serial, address, resource));
  }

  /**
   * Starts a journal on top of the main file whose digest is {@code base} with every change of
   * {@code changes} (one address each), in one write forced to disk; returns its size.
   */
  long start(State main, String base, List<StateChange> changes) throws IOException {
    return write(main, base, entries(changes));
  }

  private long write(State main, String base, byte[] entries) throws IOException {
    ByteArrayOutputStream lines = new ByteArrayOutputStream();
    lines.writeBytes(line(new Header(VERSION, main.lineage(), base)));
    lines.writeBytes(entries);
    AtomicFiles.append(file, lines.toByteArray(), FileMode.of(stateFile));
    AtomicFiles.forceDirectory(file.toAbsolutePath().getParent());
    return lines.size();
  }

  /** Appends one change, forced to disk; returns the bytes written. */
  long append(long serial, String address, ResourceState resource) throws IOException {
    byte[] line = entry(serial, address, resource);
    AtomicFiles.append(file, line, FileMode.of(stateFile));
    return line.length;
  }

  /**
   * Appends every change of {@code changes} (one address each), in one write and one force to disk:
   * a group commit. Returns the bytes written.
   */
  long append(List<StateChange> changes) throws IOException {
    byte[] lines = entries(changes);
    AtomicFiles.append(file, lines, FileMode.of(stateFile));
    return lines.length;
  }

  /**
   * The main state with every journaled change applied. Reads only; changes no file.
   *
   * @throws dev.flowform.diag.FlowformException when the journal belongs to another state (another
   *     lineage), or a change it holds is corrupt or records a connection under a second address
   */
  Replay replay(State main, String mainDigest) throws IOException {
    byte[] bytes;
    try {
      bytes = InputFile.read(file, MAX_BYTES);
    } catch (InputFile.RefusedException e) {
      throw StateFileProblem.refused("state journal", shownAs, stateShownAs, e);
    }
    RecordedIds ids = RecordedIds.of(main);
    int start = 0;
    int lineNumber = 0;
    Header header = null;
    SortedMap<String, ResourceState> resources = new TreeMap<>(main.resources());
    long serial = main.serial();
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] != '\n') {
        continue;
      }
      lineNumber++;
      byte[] line = Arrays.copyOfRange(bytes, start, i);
      start = i + 1;
      if (header == null) {
        header = read(line, Header.class, lineNumber);
        if (header.journal() != VERSION) {
          throw StateFileProblem.corrupt(
              "state journal",
              shownAs + ":1",
              stateShownAs,
              "unknown journal version " + header.journal());
        }
        if (!header.lineage().equals(main.lineage())) {
          throw StateFileProblem.corrupt(
              "state journal",
              shownAs + ":1",
              stateShownAs,
              "it belongs to another state: its lineage is "
                  + header.lineage()
                  + ", the state file's is "
                  + main.lineage());
        }
        if (!header.base().equals(mainDigest)) {
          return new Replay(main, false); // already folded into the main file
        }
        continue;
      }
      Entry entry = read(line, Entry.class, lineNumber);
      if (entry.serial() <= serial) {
        throw StateFileProblem.corrupt(
            "state journal",
            shownAs + ":" + lineNumber,
            stateShownAs,
            "serial " + entry.serial() + " does not follow serial " + serial);
      }
      Optional<String> idProblem =
          ids.add(entry.address(), entry.resource() == null ? null : entry.resource().id(), 0);
      if (idProblem.isPresent()) {
        throw StateFileProblem.corrupt(
            "state journal", shownAs + ":" + lineNumber, stateShownAs, idProblem.get());
      }
      serial = entry.serial();
      if (entry.resource() == null) {
        resources.remove(entry.address());
      } else {
        resources.put(entry.address(), entry.resource().toModel());
      }
    }
    State replayed =
        new State(
            main.formatVersion(),
            main.lineage(),
            serial,
            main.environment(),
            main.sandbox(),
            main.orgId(),
            main.endpoint(),
            main.fingerprintSalt(),
            resources);
    return new Replay(replayed, header != null && start == bytes.length);
  }

  static String digest(byte[] bytes) {
    try {
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private byte[] entries(List<StateChange> changes) throws IOException {
    ByteArrayOutputStream lines = new ByteArrayOutputStream();
    for (StateChange change : changes) {
      State state = change.state();
      lines.writeBytes(
          entry(state.serial(), change.address(), state.resources().get(change.address())));
    }
    return lines.toByteArray();
  }

  private byte[] entry(long serial, String address, ResourceState resource) throws IOException {
    return line(
        new Entry(
            serial,
            address,
            resource == null ? null : ResourceFileV1.from(guard.checked(address, resource))));
  }

  private byte[] line(Object value) throws JsonProcessingException {
    byte[] json = mapper.writeValueAsBytes(value);
    byte[] out = Arrays.copyOf(json, json.length + 1);
    out[json.length] = '\n';
    return out;
  }

  private <T> T read(byte[] line, Class<T> type, int lineNumber) throws IOException {
    try {
      mapper.readTree(line); // syntax first, so that the null check reads valid JSON
      Optional<NoNulls.Found> found = NoNulls.find(mapper, line, Set.of("/resource"));
      if (found.isPresent()) {
        throw StateFileProblem.corrupt(
            "state journal", shownAs + ":" + lineNumber, stateShownAs, found.get().describe());
      }
      return mapper.readValue(line, type);
    } catch (JsonProcessingException e) {
      throw StateFileProblem.corrupt(
          "state journal", shownAs + ":" + lineNumber, stateShownAs, StateFileProblem.describe(e));
    }
  }
}
