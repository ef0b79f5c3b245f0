package dev.flowform.state;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lock files this JVM holds or is probing. An OS file lock belongs to the whole process, and on
 * Linux and macOS closing <em>any</em> channel to a file drops every lock the process holds on it:
 * probing a held lock file with a second channel and closing it would silently release the holder's
 * lock. So a lock file is only ever opened by the one claimant recorded here.
 *
 * <p>The one piece of static mutable state in flowform, on purpose: it mirrors state the operating
 * system keeps per process, which an instance field could not.
 */
final class ProcessFileLocks {
  private static final Set<Path> CLAIMED = ConcurrentHashMap.newKeySet();

  private ProcessFileLocks() {}

  /** Claims the right to open {@code lockFile}; false when this JVM already holds or probes it. */
  static boolean claim(Path lockFile) {
    return CLAIMED.add(key(lockFile));
  }

  static void release(Path lockFile) {
    CLAIMED.remove(key(lockFile));
  }

  private static Path key(Path lockFile) {
    return lockFile.toAbsolutePath().normalize();
  }
}
