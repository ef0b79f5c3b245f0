package dev.flowform.state;

import dev.flowform.diag.FlowformException;
import dev.flowform.diag.Scrubber;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The lock of a state file: an OS lock on {@code <state>.lock} (so the operating system releases it
 * when the holder dies, however it dies) and, while held, {@code <state>.lock.info} saying who
 * holds it. The {@code .lock} file itself stays: it carries nothing, and deleting it while another
 * process may be opening it would let two processes lock two different files.
 */
public final class FileStateLock implements StateLock {
  /** How long to wait between tries. */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  static final Duration POLL_INTERVAL = Duration.ofMillis(250);

  private final Path stateFile;
  private final Clock clock;
  private final long pid;
  private final String version;
  private final Supplier<UUID> ids;
  private final Sleeper sleeper;
  private final Scrubber scrubber;

  /**
   * @param pid this process's id, as lock info shows it
   * @param version flowform's version, as lock info shows it
   * @param ids lock ids, e.g. {@code UUID::randomUUID}
   */
  public FileStateLock(Path stateFile, Clock clock, long pid, String version, Supplier<UUID> ids) {
    this(stateFile, clock, pid, version, ids, new Scrubber());
  }

  /** Like the other, with lock info going through the run's {@code scrubber}. */
  public FileStateLock(
      Path stateFile,
      Clock clock,
      long pid,
      String version,
      Supplier<UUID> ids,
      Scrubber scrubber) {
    this(stateFile, clock, pid, version, ids, d -> Thread.sleep(d.toMillis()), scrubber);
  }

  FileStateLock(
      Path stateFile, Clock clock, long pid, String version, Supplier<UUID> ids, Sleeper sleeper) {
    this(stateFile, clock, pid, version, ids, sleeper, new Scrubber());
  }

  FileStateLock(
      Path stateFile,
      Clock clock,
      long pid,
      String version,
      Supplier<UUID> ids,
      Sleeper sleeper,
      Scrubber scrubber) {
    this.scrubber = scrubber;
    this.stateFile = stateFile;
    this.clock = clock;
    this.pid = pid;
    this.version = version;
    this.ids = ids;
    this.sleeper = sleeper;
  }

  public Path lockFile() {
    return sibling(".lock");
  }

  private LockInfoFile infoFile(FileMode mode) {
    return new LockInfoFile(infoFile(), mode, scrubber);
  }

  public Path infoFile() {
    return sibling(".lock.info");
  }

  /**
   * {@inheritDoc}
   *
   * <p>The wait is measured in pauses taken, not by the clock, so that a fixed clock (as tests use)
   * never makes it endless.
   */
  @Override
  public LockHandle acquire(LockRequest request, Duration timeout) {
    Duration waited = Duration.ZERO;
    while (true) {
      Optional<LockHandle> held = tryAcquire(request);
      if (held.isPresent()) {
        return held.get();
      }
      if (waited.compareTo(timeout) >= 0) {
        throw locked(timeout);
      }
      Duration pause =
          POLL_INTERVAL.compareTo(timeout.minus(waited)) < 0
              ? POLL_INTERVAL
              : timeout.minus(waited);
      try {
        sleeper.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new FlowformException("interrupted while waiting for the lock of " + stateFile);
      }
      waited = waited.plus(pause);
    }
  }

  @Override
  public void forceUnlock(String lockId) {
    LockInfoFile infoFile = infoFile(FileMode.of(stateFile));
    LockInfo info = matching(infoFile, lockId);
    OsLock os;
    try {
      os = OsLock.tryTake(lockFile(), FileMode.of(stateFile)).orElseThrow(() -> stillHeld(info));
    } catch (IOException e) {
      throw new FlowformException("cannot open " + lockFile() + ": " + e, null, e);
    }
    try {
      matching(infoFile, lockId); // it might have changed hands meanwhile
      infoFile.delete();
    } catch (IOException e) {
      throw new FlowformException("cannot remove " + infoFile() + ": " + e, null, e);
    } finally {
      os.close();
    }
  }

  private Optional<LockHandle> tryAcquire(LockRequest request) {
    Optional<OsLock> os;
    try {
      os = OsLock.tryTake(lockFile(), FileMode.of(stateFile));
    } catch (IOException e) {
      throw new FlowformException(
          "cannot lock state file " + stateFile + ": " + e,
          "check that its folder exists and is writable",
          e);
    }
    if (os.isEmpty()) {
      return Optional.empty();
    }
    LockInfo info =
        new LockInfo(
            ids.get().toString(),
            request.operation(),
            request.who(),
            pid,
            version,
            clock.instant(),
            stateFile.toAbsolutePath().normalize().toString());
    LockInfoFile infoFile = infoFile(FileMode.of(stateFile));
    try {
      infoFile.write(info);
    } catch (IOException e) {
      os.get().close();
      throw new FlowformException("cannot write " + infoFile() + ": " + e, null, e);
    }
    return Optional.of(new Held(info, infoFile, os.get()));
  }

  private LockInfo matching(LockInfoFile infoFile, String lockId) {
    LockInfo info =
        infoFile
            .read()
            .orElseThrow(
                () ->
                    new FlowformException(
                        "state file " + stateFile + " is not locked: there is no " + infoFile(),
                        "nothing to unlock"));
    if (!info.id().equals(lockId)) {
      throw new FlowformException(
          "lock id '"
              + lockId
              + "' does not match the lock on "
              + stateFile
              + ", held by "
              + info.describe(),
          "copy the id from the error that reported the lock; nothing was removed");
    }
    return info;
  }

  private FlowformException stillHeld(LockInfo info) {
    return new FlowformException(
        "the lock on "
            + stateFile
            + " is held by a running process: "
            + info.describe()
            + "; force-unlock only removes locks whose process is gone",
        "wait for that run to finish, or stop it: the operating system releases its lock when it"
            + " exits; nothing was removed");
  }

  private StateLockedException locked(Duration timeout) {
    Optional<LockInfo> holder = infoFile(FileMode.of(stateFile)).read();
    String by =
        holder
            .map(LockInfo::describe)
            .orElse("another process (its " + infoFile().getFileName() + " is missing)");
    String waited = timeout.isZero() ? "" : " (waited " + timeout + ")";
    String unlock =
        holder.map(h -> "flowform force-unlock " + h.id()).orElse("flowform force-unlock ID");
    return new StateLockedException(
        "state file " + stateFile + " is locked by " + by + waited,
        "another flowform run is using this state: wait for it, or retry with a longer"
            + " --lock-timeout (e.g. --lock-timeout=5m). If that run is gone for good, run: "
            + unlock,
        holder.orElse(null));
  }

  private Path sibling(String suffix) {
    return stateFile.resolveSibling(stateFile.getFileName() + suffix);
  }

  /** A held lock: closing it removes the lock info, then releases the OS lock. */
  private static final class Held implements LockHandle {
    private final LockInfo info;
    private final LockInfoFile infoFile;
    private final OsLock os;
    private boolean closed;

    Held(LockInfo info, LockInfoFile infoFile, OsLock os) {
      this.info = info;
      this.infoFile = infoFile;
      this.os = os;
    }

    @Override
    public LockInfo info() {
      return info;
    }

    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      try {
        infoFile.delete();
      } catch (IOException e) {
        // Only a label: a stale lock info never blocks anyone, the OS lock is what counts.
      } finally {
        os.close();
      }
    }
  }
}
