package dev.flowform.state;

import dev.flowform.diag.FlowformException;
import dev.flowform.diag.InputFile;
import dev.flowform.diag.Scrubber;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * State kept in a JSON file ({@link StateFormat}), with a backup and a journal beside it.
 *
 * <p>{@link #write} replaces the whole file atomically (temporary file, fsync, atomic rename, fsync
 * of the folder) after copying the previous version to {@code <state>.backup}. {@link #record}, for
 * a state that changed in one address only, instead appends one line to {@code <state>.journal} and
 * forces it to disk: its cost does not grow with the number of resources. The journal is replayed
 * by {@link #read} and folded into the main file when it grows to several times its size and on
 * {@link #close}. A crash at any point leaves a readable state holding every change that was
 * recorded.
 *
 * <p>The caller holds the {@link StateLock}; a store is used by one thread at a time (its methods
 * are synchronized for safety).
 */
public final class FileStateStore implements StateStore {
  /**
   * The journal is folded into the main file once it is this many times the main file's size (and
   * past {@link #MIN_COMPACT_BYTES}): a fold rewrites the whole state while every worker of an
   * apply waits for it, so an apply of a few thousand creates folds once, at its end, not at each
   * doubling; a replay after a crash reads a few MiB at most beyond the main file's own size.
   */
  static final long COMPACT_RATIO = 4;

  static final long MIN_COMPACT_BYTES = 4L * 1024 * 1024;

  private final Path file;
  private final String shownAs;
  private final StateFormat format = new StateFormat();
  private final StateJournal journal;
  private final long minCompactBytes;
  private final SecretGuard guard;

  private State current;
  // the main file's bytes as last read or written; their digest is made when a journal starts
  private byte[] mainBytes;
  private String mainDigest;
  private boolean journalExists;
  private boolean journaledHere;
  private boolean journalClean = true;
  private long journalSize;

  /** A store for {@code file}, shown in messages as given. */
  public FileStateStore(Path file) {
    this(file, file.toString(), MIN_COMPACT_BYTES, new Scrubber());
  }

  /** A store for {@code file}, shown in messages as {@code shownAs}. */
  public FileStateStore(Path file, String shownAs) {
    this(file, shownAs, MIN_COMPACT_BYTES, new Scrubber());
  }

  /**
   * A store that refuses to write any value the run's {@code scrubber} knows as a secret (it never
   * rewrites state: state is data, not output).
   */
  public FileStateStore(Path file, Scrubber scrubber) {
    this(file, file.toString(), MIN_COMPACT_BYTES, scrubber);
  }

  /** The same, shown in messages as {@code shownAs}. */
  public FileStateStore(Path file, String shownAs, Scrubber scrubber) {
    this(file, shownAs, MIN_COMPACT_BYTES, scrubber);
  }

  FileStateStore(Path file, long minCompactBytes) {
    this(file, file.toString(), minCompactBytes, new Scrubber());
  }

  FileStateStore(Path file, long minCompactBytes, Scrubber scrubber) {
    this(file, file.toString(), minCompactBytes, scrubber);
  }

  private FileStateStore(Path file, String shownAs, long minCompactBytes, Scrubber scrubber) {
    this.file = Objects.requireNonNull(file, "file");
    this.shownAs = shownAs;
    this.guard = new SecretGuard(scrubber, shownAs);
    this.journal = new StateJournal(sibling(".journal"), shownAs, format.mapper(), file, guard);
    this.minCompactBytes = minCompactBytes;
  }

  public Path file() {
    return file;
  }

  public Path backupFile() {
    return sibling(".backup");
  }

  @Override
  public synchronized Optional<State> read() {
    byte[] bytes;
    try {
      bytes = InputFile.read(file, StateFormat.MAX_BYTES);
    } catch (InputFile.RefusedException e) {
      throw StateFileProblem.refused("state file", shownAs, shownAs, e);
    } catch (NoSuchFileException e) {
      if (Files.exists(journal.file())) {
        throw new FlowformException(
            "state file " + shownAs + " is missing but its journal " + shownAs + ".journal is not",
            "restore the state file from " + shownAs + ".backup; flowform changed nothing");
      }
      forget();
      return Optional.empty();
    } catch (IOException e) {
      throw cannot("read", e);
    }
    State main = format.decode(bytes, shownAs);
    StateJournal.Replay replay = new StateJournal.Replay(main, true);
    boolean hasJournal = Files.exists(journal.file());
    try {
      if (hasJournal) {
        replay = journal.replay(main, StateJournal.digest(bytes));
        journalSize = Files.size(journal.file());
      }
    } catch (IOException e) {
      throw cannot("read", e);
    }
    current = replay.state();
    mainBytes = bytes;
    mainDigest = null;
    journalExists = hasJournal;
    journalClean = replay.clean();
    return Optional.of(current);
  }

  @Override
  public synchronized void write(State state) {
    byte[] bytes = format.encode(guard.checked(state));
    if (current != null && !journalExists && Arrays.equals(bytes, mainBytes)) {
      current = state;
      return; // same bytes: keep the backup of the version before
    }
    try {
      AtomicFiles.sweepTemporaries(file);
      FileMode mode = FileMode.of(file);
      if (Files.exists(file)) {
        AtomicFiles.copy(file, backupFile(), mode);
      }
      AtomicFiles.replace(file, bytes, mode);
    } catch (IOException e) {
      throw cannot("write", e);
    }
    current = state;
    mainBytes = bytes;
    mainDigest = null;
    journalClean = !journalExists; // a journal still there applies to the old main file
    try {
      AtomicFiles.delete(journal.file());
    } catch (IOException e) {
      throw cannot("write", e);
    }
    journalExists = false;
    journalClean = true;
    journalSize = 0;
  }

  /**
   * Records {@code newState} by journaling its {@code changedAddress} alone when that is the only
   * difference from the state last read or written; otherwise writes it whole.
   */
  @Override
  public synchronized void record(State newState, String changedAddress) {
    if (current == null) {
      read();
    }
    if (current == null
        || !journalClean
        || newState.serial() <= current.serial()
        || !differsOnlyAt(current, newState, changedAddress)) {
      write(newState);
      return;
    }
    ResourceState changed = newState.resources().get(changedAddress);
    try {
      if (journalExists) {
        journalSize += journal.append(newState.serial(), changedAddress, changed);
      } else {
        journalSize =
            journal.start(current, mainDigest(), newState.serial(), changedAddress, changed);
        journalExists = true;
      }
    } catch (IOException e) {
      journalClean = false; // a half-written line may be there: never append after it
      throw cannot("write", e);
    }
    current = newState;
    journaledHere = true;
    if (foldDue()) {
      write(newState);
    }
  }

  /**
   * Records every change of {@code changes} with one write and one fsync: appended to the journal
   * together when each differs from the one before at its address alone, else the last written
   * whole (which holds them all).
   */
  @Override
  public synchronized void recordAll(List<StateChange> changes) {
    if (changes.isEmpty()) {
      return;
    }
    StateChange last = changes.get(changes.size() - 1);
    if (changes.size() == 1) {
      if (last.address() == null) {
        write(last.state());
      } else {
        record(last.state(), last.address());
      }
      return;
    }
    if (current == null) {
      read();
    }
    if (current == null || !journalClean || !chained(current, changes)) {
      write(last.state());
      return;
    }
    try {
      if (journalExists) {
        journalSize += journal.append(changes);
      } else {
        journalSize = journal.start(current, mainDigest(), changes);
        journalExists = true;
      }
    } catch (IOException e) {
      journalClean = false; // a half-written line may be there: never append after it
      throw cannot("write", e);
    }
    current = last.state();
    journaledHere = true;
    if (foldDue()) {
      write(current);
    }
  }

  /** True when each change differs from the one before it at its own address alone. */
  private static boolean chained(State start, List<StateChange> changes) {
    State before = start;
    for (StateChange change : changes) {
      if (change.address() == null
          || change.state().serial() <= before.serial()
          || !differsOnlyAt(before, change.state(), change.address())) {
        return false;
      }
      before = change.state();
    }
    return true;
  }

  /**
   * Folds the journal into the main file when this store appended to it. A journal left by an
   * earlier run that crashed is replayed by {@link #read} but left as it is here, so a read-only
   * run (plan, status) never writes the state; the next run that records a change folds it.
   */
  @Override
  public synchronized void close() {
    if (journalExists && journaledHere && current != null) {
      write(current);
    }
  }

  /** True once the journal is to be folded into the main file (see {@link #COMPACT_RATIO}). */
  private boolean foldDue() {
    long mainSize = mainBytes == null ? 0 : mainBytes.length;
    return journalSize > Math.max(COMPACT_RATIO * mainSize, minCompactBytes);
  }

  /** The digest a journal names its main file by (made once per version of the main file). */
  private String mainDigest() {
    if (mainDigest == null && mainBytes != null) {
      mainDigest = StateJournal.digest(mainBytes);
    }
    return mainDigest;
  }

  private void forget() {
    current = null;
    mainBytes = null;
    mainDigest = null;
    journalExists = false;
    journalClean = true;
    journalSize = 0;
  }

  private Path sibling(String suffix) {
    return file.resolveSibling(file.getFileName() + suffix);
  }

  private FlowformException cannot(String verb, IOException e) {
    return new FlowformException(
        "cannot " + verb + " state file " + shownAs + ": " + e,
        "check that the folder exists and is writable and the disk is not full;"
            + " the last recorded state is unchanged",
        e);
  }

  static boolean differsOnlyAt(State before, State after, String address) {
    if (!Objects.equals(before.lineage(), after.lineage())
        || !Objects.equals(before.environment(), after.environment())
        || !Objects.equals(before.sandbox(), after.sandbox())
        || !Objects.equals(before.orgId(), after.orgId())
        || !Objects.equals(before.endpoint(), after.endpoint())
        || !Objects.equals(before.fingerprintSalt(), after.fingerprintSalt())
        || before.formatVersion() != after.formatVersion()) {
      return false;
    }
    Map<String, ResourceState> a = before.resources();
    Map<String, ResourceState> b = after.resources();
    if (b instanceof PersistentSortedMap<?, ?> derived && derived.derivedFrom(a, address)) {
      return true; // made by one State.with or State.without: O(1), whatever the size
    }
    int expected = a.size() - (a.containsKey(address) ? 1 : 0) + (b.containsKey(address) ? 1 : 0);
    if (b.size() != expected) {
      return false;
    }
    Iterator<Map.Entry<String, ResourceState>> x = a.entrySet().iterator();
    Iterator<Map.Entry<String, ResourceState>> y = b.entrySet().iterator();
    while (true) {
      Map.Entry<String, ResourceState> left = next(x, address);
      Map.Entry<String, ResourceState> right = next(y, address);
      if (left == null || right == null) {
        return left == right;
      }
      if (!left.getKey().equals(right.getKey())
          || (left.getValue() != right.getValue() && !left.getValue().equals(right.getValue()))) {
        return false;
      }
    }
  }

  private static Map.Entry<String, ResourceState> next(
      Iterator<Map.Entry<String, ResourceState>> entries, String skipped) {
    while (entries.hasNext()) {
      Map.Entry<String, ResourceState> entry = entries.next();
      if (!entry.getKey().equals(skipped)) {
        return entry;
      }
    }
    return null;
  }
}
