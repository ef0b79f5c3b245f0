package dev.flowform.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowform.diag.FlowformException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The emulator's JSON data file: read once at start, rewritten whole after each change (temp file
 * beside it, fsync, atomic rename). Secret params are kept only as salted digests.
 */
final class DataFile {
  /** What this emulator writes: 2 added {@code resources}; it still reads 1. */
  static final int FORMAT_VERSION = 2;

  /** The file's content; a file of format 1 has no {@code resources}. */
  record Contents(
      int formatVersion,
      String salt,
      List<EmulatedConnection> connections,
      List<EmulatedResource> resources) {
    Contents {
      connections = connections == null ? List.of() : List.copyOf(connections);
      resources = resources == null ? List.of() : List.copyOf(resources);
    }
  }

  private final Path path;
  private final ObjectMapper mapper;

  DataFile(Path path, ObjectMapper mapper) {
    this.path = path.toAbsolutePath().normalize();
    this.mapper = mapper;
  }

  /** What the file holds; empty when there is no file yet. */
  Optional<Contents> load() {
    if (!Files.exists(path)) {
      return Optional.empty();
    }
    Contents contents;
    try {
      contents = mapper.readValue(path.toFile(), Contents.class);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw new FlowformException(
          "emulator data file " + path + " is not valid" + where,
          "fix or remove the file; the emulator never changes a file it cannot read");
    } catch (IOException e) {
      throw new FlowformException(
          "emulator data file " + path + " cannot be read: " + e.getMessage(),
          "fix or remove the file; the emulator never changes a file it cannot read");
    }
    if (contents.formatVersion() < 1
        || contents.formatVersion() > FORMAT_VERSION
        || contents.salt() == null) {
      throw new FlowformException(
          "emulator data file " + path + " has an unknown format",
          "this emulator reads formatVersion 1 to " + FORMAT_VERSION);
    }
    return Optional.of(contents);
  }

  /** Replaces the file with these connections (their secrets digested) and resources. */
  void save(
      String salt,
      Collection<EmulatedConnection> connections,
      Collection<EmulatedResource> resources) {
    List<EmulatedConnection> digested =
        connections.stream().map(c -> c.toBuilder().params(digest(c, salt)).build()).toList();
    Path temp = path.resolveSibling(path.getFileName() + ".tmp");
    try {
      Files.createDirectories(path.getParent());
      Files.write(
          temp,
          mapper.writeValueAsBytes(
              new Contents(FORMAT_VERSION, salt, digested, List.copyOf(resources))));
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      try {
        Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> digest(EmulatedConnection connection, String salt) {
    var secrets = ConnectionSpecs.secrets(connection.connectionSpecId(), connection.authSpecName());
    Map<String, String> params = new HashMap<>();
    connection
        .params()
        .forEach(
            (key, value) ->
                params.put(key, secrets.contains(key) ? SecretDigest.of(salt, value) : value));
    return params;
  }
}
