package dev.flowform.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowform.diag.InputFile;
import dev.flowform.diag.Scrubber;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** {@code <state>.lock.info}: who holds the lock, in JSON, for people and for error messages. */
final class LockInfoFile {
  /** Lock info is a few hundred bytes; anything much larger is not one. */
  static final long MAX_BYTES = 64 * 1024;

  private final Path file;
  private final ObjectMapper mapper = StateJson.newMapper();
  private final FileMode mode;
  private final Scrubber scrubber;

  /**
   * @param mode the state's, which this file takes
   * @param scrubber what the content goes through before it is written
   */
  LockInfoFile(Path file, FileMode mode, Scrubber scrubber) {
    this.file = file;
    this.mode = mode;
    this.scrubber = scrubber;
  }

  Path file() {
    return file;
  }

  void write(LockInfo info) throws IOException {
    AtomicFiles.replace(file, scrubber.scrub(StateJson.prettyBytes(mapper, info)), mode);
  }

  /** The holder; empty when there is no lock info or it cannot be read (it is only a label). */
  Optional<LockInfo> read() {
    try {
      return Optional.of(mapper.readValue(InputFile.read(file, MAX_BYTES), LockInfo.class));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  void delete() throws IOException {
    AtomicFiles.delete(file);
  }
}
