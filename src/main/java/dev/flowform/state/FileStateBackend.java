package dev.flowform.state;

import dev.flowform.diag.Scrubber;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * State in a JSON file with its journal and backup beside it, locked by an OS file lock.
 *
 * @param file the state file
 * @param shownAs the state file as the user should see it
 * @param pid this process's id, as lock info shows it
 * @param version flowform's version, as lock info shows it
 * @param ids lock ids, e.g. {@code UUID::randomUUID}
 * @param scrubber what every byte written beside the state goes through
 */
public record FileStateBackend(
    Path file,
    String shownAs,
    Clock clock,
    long pid,
    String version,
    Supplier<UUID> ids,
    Scrubber scrubber)
    implements StateBackend {

  public FileStateBackend(
      Path file, String shownAs, Clock clock, long pid, String version, Supplier<UUID> ids) {
    this(file, shownAs, clock, pid, version, ids, new Scrubber());
  }

  @Override
  public StateStore openStore() {
    return new FileStateStore(file, shownAs, scrubber);
  }

  @Override
  public StateLock lock() {
    return new FileStateLock(file, clock, pid, version, ids, scrubber);
  }
}
